import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPICS } from '@newsflow/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { RunningConsole, startConsole, stopConsole } from '../support/console-process';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { REPO_ROOT, RunningService, SERVICES, ServiceName, startStages, stageEnv, stopService } from '../support/service-process';
import { ADMIN_API_KEY, createSource, submitArticle } from '../support/sources';
import { requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';
const { seedArticleRequest } = require('../../samples/load-samples');
const { ensureChromium } = require('../../scripts/ensure-chromium');

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');

/**
 * The dashboard in a real browser (Debian's chromium through playwright-core) over the real
 * pipeline: the seed article goes in through ingest, and the overview, the article page and search
 * must show what the services did with it.
 */
describe('dashboard in a browser', () => {
  const run = unique('dash');
  const services = {} as Record<ServiceName, RunningService>;
  let weatherProvider: FakeOpenMeteo;
  let consoleApp: RunningConsole | undefined;
  let browser: BrowserContext;
  let page: Page;
  let profileDir: string;
  let apiKey: string;
  /** Script errors and Content-Security-Policy refusals seen by the page during the whole run. */
  const pageProblems: string[] = [];
  const headline = seedArticleRequest().headline as string;

  const submit = async (request: Record<string, unknown>) => {
    const id = await submitArticle(services.ingest.url, apiKey, request);
    await waitFor(async () => {
      const status = (await (await fetch(`${services.ingest.url}/v1/articles/${id}/status`)).json()) as { stage: string };
      return status.stage === 'indexed';
    }, { timeoutMs: 120_000, what: `article ${id} to be indexed` });
    return id;
  };

  /** Navigates inside the single-page console and waits until the view has rendered. */
  const open = async (hash: string, view: string) => {
    await page.goto(`${consoleApp?.url}/${hash}`);
    await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 30_000 });
  };

  beforeAll(async () => {
    // A fresh CI machine has no chromium yet: apt-get may take minutes.
    ensureChromium();
    mkdirSync(join(ARTIFACTS, 'logs'), { recursive: true });
    weatherProvider = await startFakeOpenMeteo();
    const env = stageEnv(run, weatherProvider.url);
    await startStages(run, env, services);
    apiKey = await createSource(services.ingest.url, 'sample-wire');
    consoleApp = await startConsole(services);
    profileDir = mkdtempSync(join(tmpdir(), 'newsflow-chromium-'));
    // A fresh profile per run; playwright takes it as the persistent context's directory (it refuses --user-data-dir in args).
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1440, height: 1000 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
    });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await stopConsole(consoleApp);
    await Promise.all(Object.values(services).map((s) => stopService(s)));
    await weatherProvider?.close();
  });

  let seedId: string;

  it('shows the four services healthy, their throughput and the seed article among the recent ones', async () => {
    seedId = await submit({ ...seedArticleRequest(), sourceItemId: `seed-${run}`, publishedAt: new Date().toISOString() });
    await open('#/', 'overview');
    for (const name of SERVICES) {
      const card = page.locator(`[data-service="${name}"]`);
      await card.locator('[data-testid="health"]', { hasText: 'healthy' }).waitFor({ timeout: 30_000 });
      expect(await card.getAttribute('data-health')).toBe('up');
    }
    // Every stage published the seed article's event, so each one's peak rate is above zero.
    await page.waitForFunction(
      (names) => names.every((name) => Number(document.querySelector(`[data-service="${name}"] [data-testid="peak"]`)?.textContent) > 0),
      SERVICES,
      { timeout: 30_000 },
    );
    for (const name of SERVICES) {
      expect(Number(await page.locator(`[data-service="${name}"] [data-testid="produced"]`).textContent())).toBeGreaterThanOrEqual(1);
      // Not asserted to be 0: this test's stages also read what concurrent tests publish on the shared topics.
      expect(await page.locator(`[data-service="${name}"] [data-testid="dead-letters"]`).textContent()).toMatch(/^\d[\d,]*$/);
    }
    expect(await page.locator('[data-testid="dead-letter-table"] tbody tr').count()).toBe(4);
    // Both live charts are drawn by uPlot.
    expect(await page.locator('.chart .uplot canvas').count()).toBe(2);
    const row = page.locator(`[data-testid="recent-articles"] tr[data-article-id="${seedId}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('a').first().textContent()).toBe(headline);
    expect(await row.locator('.step.done').allTextContents()).toEqual(['received', 'enriched', 'weather', 'indexed']);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-overview.png'), fullPage: true });
  });

  it("renders the seed article with its entities highlighted by type, its location and Marrakech's weather strip", async () => {
    await open(`#/article/${seedId}`, 'article');
    expect(await page.locator('[data-testid="headline"]').textContent()).toBe(headline);
    const typesOf = async (text: string) =>
      page.locator('[data-testid="body"] a.ent').filter({ hasText: new RegExp(`^${text}$`) }).evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-entity-type')))]);
    expect(await typesOf('INTERPOL')).toEqual(['organization']);
    expect(await typesOf('Valdecy Urquiza')).toEqual(['person']);
    expect(await typesOf('Marrakech')).toEqual(['place']);
    expect(await typesOf('Morocco')).toEqual(['place']);
    const interpolHref = await page.locator('[data-testid="body"] a.ent', { hasText: /^INTERPOL$/ }).first().getAttribute('href');
    expect(interpolHref).toMatch(/^#\/search\?entity=organization%3A/);

    const location = await page.locator('[data-testid="primary-location"]').textContent();
    expect(location).toContain('Marrakech');
    expect(location).toContain('MA');
    const [lat, lon] = (/(-?\d+\.\d+), (-?\d+\.\d+)/.exec(location ?? '') ?? []).slice(1).map(Number);
    expect(lat).toBeCloseTo(31.63, 1);
    expect(lon).toBeCloseTo(-8.0, 1);

    const weather = page.locator('[data-testid="weather"]');
    expect(await weather.getAttribute('data-status')).toBe('attached');
    expect(await weather.locator('h2').textContent()).toBe('Marrakech');
    // Published now: the fake generates today's weather (its fixture answers only for 2025-11-24).
    expect(await weather.locator('[data-testid="current-time"]').textContent()).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2}:\d{2}$/);
    expect(await weather.locator('[data-testid="current-condition"]').textContent()).toMatch(/\w/);
    expect(await weather.locator('[data-testid="current-temperature"]').textContent()).toMatch(/^-?\d+(\.\d+)?$/);
    const days = await weather.locator('[data-testid="forecast"] li').evaluateAll((items) =>
      items.map((li) => [li.querySelector('.wd')?.textContent, li.querySelector('.hi')?.textContent, li.querySelector('.cond')?.textContent]));
    expect(days).toHaveLength(6);
    for (const [weekday, high, condition] of days) {
      expect(weekday).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/);
      expect(high).toMatch(/^-?\d+(\.\d+)?°$/);
      expect(condition).toMatch(/\w/);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-article.png'), fullPage: true });
  });

  it('follows an entity to a search that finds the seed article, with facets', async () => {
    await page.locator('[data-testid="body"] a.ent', { hasText: /^Valdecy Urquiza$/ }).first().click();
    await page.waitForSelector('body[data-ready="search"]', { timeout: 30_000 });
    expect(page.url()).toContain('#/search?entity=person%3Avaldecy-urquiza');
    expect(await page.locator(`[data-testid="results"] li[data-article-id="${seedId}"] .result-title`).textContent()).toBe(headline);
    expect(await page.locator('[data-testid="facet-entities"] a').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('INTERPOL')]));
    expect(await page.locator('[data-testid="facet-places"] a').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Marrakech')]));
    expect(await page.locator('[data-testid="facet-sources"] a').allTextContents()).toEqual([expect.stringContaining('sample-wire')]);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-search.png'), fullPage: true });

    await page.fill('#topsearch input[name="q"]', 'INTERPOL General Assembly');
    // The URL changes at once but hashchange fires a task later: the ready flag must not go on
    // describing the entity search in between, or this test would read the old results as the new.
    const readyAtSubmit = await page.evaluate(() => {
      (document.getElementById('topsearch') as HTMLFormElement).requestSubmit();
      return [location.hash.startsWith('#/search?q='), document.body.dataset.ready];
    });
    expect(readyAtSubmit).toEqual([true, '']);
    await page.waitForFunction(() => location.hash.startsWith('#/search?q=') && document.body.dataset.ready === 'search');
    expect(await page.locator('[data-testid="result-count"]').textContent()).toMatch(/^[1-9]\d* articles?$/);
    expect(await page.locator(`[data-testid="results"] li[data-article-id="${seedId}"]`).count()).toBe(1);
    // The indexer's highlights: the query's words marked in the headline and in body passages.
    const marked = await page.locator(`li[data-article-id="${seedId}"] mark`).allTextContents();
    expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['interpol', 'general', 'assembly']));
    expect(await page.locator(`li[data-article-id="${seedId}"] [data-testid="snippet"] mark`).count()).toBeGreaterThan(0);

    await open('#/search?radiusKm=5', 'search');
    expect(await page.locator('[data-testid="search-error"]').textContent()).toContain('radiusKm');
  });

  it('shows article text as text: markup in a story never reaches the page as markup', async () => {
    // A native headline and a plain-text body are kept as written, so both fields reach the console
    // holding literal markup.
    const hostile = '<img src=x onerror="window.__pwned=1"> Rabat <script>window.__pwned=2</script>';
    const id = await submit({
      sourceItemId: `xss-${run}`, headline: 'Markup <img src=x onerror="window.__pwned=3"> in Rabat',
      body: `RABAT, Morocco — ${hostile} and more text about Rabat.`, publishedAt: new Date().toISOString(),
    });
    await open(`#/article/${id}`, 'article');
    expect(await page.locator('[data-testid="headline"]').textContent()).toBe('Markup <img src=x onerror="window.__pwned=3"> in Rabat');
    expect(await page.locator('[data-testid="body"]').textContent()).toContain(hostile);
    expect(await page.locator('[data-testid="article"] img, [data-testid="article"] script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
  it("asks for ingest's admin key to list dead letters, with a sign-in form used from the keyboard that announces a refused key", async () => {
    // Reads are open in this run (no READ_API_KEYS): the page needed no key so far. Dead letters do.
    await open('#/', 'overview');
    await page.click('[data-dlq-stage="enricher"]');
    const refused = page.locator('[data-testid="dead-letter-error"]');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.textContent()).toMatch(/^reading dead letters needs a key: sign in \(ingest: a valid admin key is required\) Sign in$/);
    await refused.locator('[data-testid="sign-in-hint"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-ready="sign-in"]', { timeout: 30_000 });
    // The field is named by its label, described by the help and error texts, and has the focus.
    const field = await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return { id: input.id, type: input.type, label: input.labels?.[0]?.textContent, describedBy: input.getAttribute('aria-describedby') };
    });
    expect(field).toEqual({ id: 'sign-in-key', type: 'password', label: 'API key', describedBy: 'sign-in-help sign-in-error' });
    await page.keyboard.type('not-a-key-anyone-gave-out');
    await page.keyboard.press('Enter');
    const alert = page.locator('#sign-in-error[role="alert"]');
    await page.waitForFunction(() => document.getElementById('sign-in-error')?.textContent !== '', undefined, { timeout: 30_000 });
    expect(await alert.textContent()).toBe("This key adds nothing here: anyone may read articles on this deployment, and it is not ingest's admin key.");
    expect(await page.evaluate(() => [document.activeElement?.id, document.activeElement?.getAttribute('aria-invalid'), sessionStorage.length])).toEqual(['sign-in-key', 'true', 0]);
    await page.fill('#sign-in-key', ADMIN_API_KEY);
    await page.keyboard.press('Enter');
    // Back where the sign-in was asked for, signed in.
    await page.waitForSelector('body[data-ready="overview"]', { timeout: 30_000 });
    expect(await page.locator('#session').textContent()).toMatch(/Signed in\s+Sign out/);
  });

  it('counts a parked message on the overview and lists it with its error code', async () => {
    // An event that breaks the received topic's contract: the enricher parks it on its dead-letter topic.
    const key = `dlq-${run}`;
    await open('#/', 'overview');
    const parkedOnEnricher = () => page.evaluate(() => Number(document.querySelector('[data-service="enricher"] [data-testid="dead-letters"]')?.textContent?.replace(/,/g, '')));
    // The topic is shared with earlier tests, so it may already hold parked messages: one more must show.
    const shown = await parkedOnEnricher();
    const before = Number.isInteger(shown) ? shown : 0; // '–' until the console has scraped the enricher once
    const producer = new Kafka({ clientId: key, brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: TOPICS.articleReceived, messages: [{ key, value: JSON.stringify({ not: 'an envelope' }) }] });
    await producer.disconnect();

    await page.waitForFunction(
      (atLeast) => Number(document.querySelector('[data-service="enricher"] [data-testid="dead-letters"]')?.textContent?.replace(/,/g, '')) >= atLeast,
      before + 1,
      { timeout: 60_000 },
    );
    // Card and table are drawn from one sample: read both in one go so a refresh cannot fall between.
    const [card, table] = await page.evaluate(() => [
      document.querySelector('[data-service="enricher"] [data-testid="dead-letters"]')?.textContent,
      document.querySelector('[data-testid="dead-letter-table"] tr[data-stage="enricher"] [data-testid="parked"]')?.textContent,
    ]);
    expect(table).toBe(card);
    await page.click('[data-dlq-stage="enricher"]');
    const entry = page.locator(`[data-testid="dead-letter-list"][data-stage="enricher"] li[data-key="${key}"]`);
    await entry.waitFor({ timeout: 60_000 });
    expect(await entry.locator('.pill').textContent()).toBe('CONTRACT.VIOLATION');
    expect(await entry.locator('code').last().textContent()).toMatch(/^npm run dlq -- replay --stage enricher --partition \d+ --offset \d+$/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-dead-letters.png'), fullPage: true });
    // Signing out forgets the key: the list is refused again.
    await page.click('#sign-out');
    await page.waitForSelector('body[data-ready="overview"]', { timeout: 30_000 });
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.click('[data-dlq-stage="enricher"]');
    await page.locator('[data-testid="dead-letter-error"]').waitFor({ timeout: 30_000 });
  });
  it('ran without script errors or Content-Security-Policy refusals', () => {
    expect(pageProblems).toEqual([]);
  });
});
