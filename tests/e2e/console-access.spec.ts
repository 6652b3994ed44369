import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPICS } from '@newsflow/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { chromium } from 'playwright-core';
import { RunningConsole, startConsole, stopConsole } from '../support/console-process';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { RunningService, ServiceName, startStages, stageEnv, stopService } from '../support/service-process';
import { ADMIN_API_KEY, createSource, submitArticle } from '../support/sources';
import { requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';
const { ensureChromium } = require('../../scripts/ensure-chromium');

/** A word no other test writes, letters only so the analyzer keeps it whole. */
const marker = () => `osterhal${randomBytes(6).toString('hex').replace(/\d/g, (d) => 'ghijklmnop'[Number(d)])}`;

/**
 * The console over the real pipeline with READ_API_KEYS on ingest and the indexer and ingest's admin
 * key set: it answers each caller with what that caller's key may read, and nothing more. The console
 * is started the way compose, the chart and `npm start` used to start it, with both keys of its own,
 * so this also shows that such leftovers no longer serve anyone who reaches its port.
 */
describe('console access: the caller\'s key decides', () => {
  const run = unique('cauth');
  const READ_KEY = `rk_${randomBytes(16).toString('hex')}`;
  const services = {} as Record<ServiceName, RunningService>;
  let weatherProvider: FakeOpenMeteo;
  let consoleApp: RunningConsole | undefined;
  const word = marker();
  const parkedKey = `dlq-${run}`;
  let articleId: string;

  const get = async (path: string, key?: string) => {
    const response = await fetch(`${consoleApp?.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) };
  };

  beforeAll(async () => {
    weatherProvider = await startFakeOpenMeteo();
    await startStages(run, stageEnv(run, weatherProvider.url, { READ_API_KEYS: READ_KEY }), services);
    consoleApp = await startConsole(services, { READ_API_KEY: READ_KEY, INGEST_ADMIN_API_KEY: ADMIN_API_KEY });
    const sourceKey = await createSource(services.ingest.url, `wire-${run}`);
    articleId = await submitArticle(services.ingest.url, sourceKey, {
      sourceItemId: `story-${run}`, headline: `Witness ${word} moves to Lyon`,
      body: `LYON, France — The witness ${word} now lives at 9 Rue Quintalon, Lyon, and can be reached on +33 6 12 34 56 78.`,
      publishedAt: new Date().toISOString(),
    });
    await waitFor(async () => {
      const status = await fetch(`${services.ingest.url}/v1/articles/${articleId}/status`, { headers: { authorization: `Bearer ${READ_KEY}` } });
      return ((await status.json()) as { stage?: string }).stage === 'indexed';
    }, { timeoutMs: 120_000, what: `article ${articleId} to be indexed` });
    // A message that breaks the received topic's contract: the enricher parks it, text and all.
    const producer = new Kafka({ clientId: run, brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: TOPICS.articleReceived, messages: [{ key: parkedKey, value: JSON.stringify({ not: 'an envelope', note: `informant ${word} exposed` }) }] });
    await producer.disconnect();
  }, 600_000);

  afterAll(async () => {
    await stopConsole(consoleApp);
    await Promise.all(Object.values(services).map((s) => stopService(s)));
    await weatherProvider?.close();
  });

  it('answers 401 without a key to search, recent articles, an article and dead letters, with none of their text', async () => {
    for (const path of [`/api/search?q=${word}&highlight=true`, '/api/articles/recent', `/api/articles/${articleId}`, '/api/dead-letters/enricher']) {
      const answer = await get(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 401 });
      expect(answer.text).not.toContain(word);
      expect(answer.body.detail).toMatch(/needs a key: sign in/);
    }
    expect((await get('/api/access')).body).toEqual({ keyPresented: false, articles: false, deadLetters: false });
  });

  it('lets a read key search with highlights and read the article, and refuses it dead letters', async () => {
    const search = await get(`/api/search?q=${word}&highlight=true`, READ_KEY);
    expect(search.status).toBe(200);
    expect(search.body.items.map((item: { id: string }) => item.id)).toEqual([articleId]);
    expect(JSON.stringify(search.body.items[0].highlights)).toContain(`<mark>${word}</mark>`);
    const article = await get(`/api/articles/${articleId}`, READ_KEY);
    expect(article.status).toBe(200);
    expect(article.body.article.article.body).toContain('9 Rue Quintalon');
    expect(article.body.status.stage).toBe('indexed');
    const deadLetters = await get('/api/dead-letters/enricher', READ_KEY);
    expect(deadLetters.status).toBe(403);
    expect(deadLetters.body).toMatchObject({ service: 'ingest', detail: expect.stringMatching(/^this key cannot read dead letters/) });
    expect(deadLetters.text).not.toContain(word);
    expect((await get('/api/access', READ_KEY)).body).toEqual({ keyPresented: true, articles: true, deadLetters: false });
  });

  it("lists the parked message's text to ingest's admin key only", async () => {
    const listed = await waitFor(async () => {
      const answer = await get('/api/dead-letters/enricher?latest=100', ADMIN_API_KEY);
      expect(answer.status).toBe(200);
      return (answer.body.deadLetters as Array<{ key: string; value: string; errorCode: string }>).find((d) => d.key === parkedKey);
    }, { timeoutMs: 60_000, what: `${parkedKey} to be parked on the enricher's dead-letter topic` });
    expect(listed.value).toContain(`informant ${word} exposed`);
    expect(listed.errorCode).toBe('CONTRACT.VIOLATION');
    // The indexer takes read keys only: the admin key reads no articles through the console either.
    expect((await get(`/api/search?q=${word}`, ADMIN_API_KEY)).status).toBe(403);
    expect((await get('/api/access', ADMIN_API_KEY)).body).toEqual({ keyPresented: true, articles: false, deadLetters: true });
  });

  it('opens the page on the sign-in form, announces a refused key and reads with the key once it is taken', async () => {
    ensureChromium();
    const profileDir = mkdtempSync(join(tmpdir(), 'newsflow-chromium-'));
    const browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(`${consoleApp?.url}/#/search?q=${word}`);
      await page.waitForSelector('body[data-ready="sign-in"]', { timeout: 30_000 });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-key');
      await page.keyboard.type(`rk_${'0'.repeat(32)}`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('sign-in-error')?.textContent !== '', undefined, { timeout: 30_000 });
      expect(await page.locator('#sign-in-error[role="alert"]').textContent()).toBe("This key is not accepted: it is neither a read key (READ_API_KEYS) nor ingest's admin key.");
      await page.fill('#sign-in-key', READ_KEY);
      await page.keyboard.press('Enter');
      // Back to the search that was asked for, read with the key.
      await page.waitForSelector('body[data-ready="search"]', { timeout: 30_000 });
      expect(await page.locator(`[data-testid="results"] li[data-article-id="${articleId}"] mark`).first().textContent()).toBe(word);
      // Kept for the tab: a reload does not ask again.
      await page.reload();
      await page.waitForSelector('body[data-ready="search"]', { timeout: 30_000 });
      expect(await page.locator(`[data-testid="results"] li[data-article-id="${articleId}"]`).count()).toBe(1);
    } finally {
      await browser.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  });

  it('serves the overview, which holds no text, to anyone', async () => {
    const overview = await get('/api/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.stages.map((s: { stage: string }) => s.stage)).toEqual(['ingest', 'enricher', 'weather', 'indexer']);
    expect(overview.text).not.toContain(word);
  });
});
