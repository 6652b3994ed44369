import { TOPICS } from '@newsflow/contracts';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { runScript } from '../support/run-script';
import { RunningService, ServiceName, startService, startStages, stageEnv, stopService } from '../support/service-process';
import { ADMIN_API_KEY, createSource } from '../support/sources';
import { TopicReader } from '../support/topic-reader';
import { mongoUriWithDatabase, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

interface Problem { type: string; status: number; rule: string; detail: string; articleId?: string }
interface Status { version: number; stage: string }
interface Listed { articleId: string; reason: string | null; takenDownAt: string; correlationId: string; sourceId: string; sourceItemId: string }

/**
 * The takedown list end to end: the four services as processes and a second ingest instance on the
 * same store. An operator's kill lists the story; resends (any format, single or in a batch, on
 * either instance, also after a purge) are refused with 451 and nothing new reaches search or the
 * final topic; the same copy under another item id or from another source, also with invisible
 * changes, is refused too; a feed that still lists the item is skipped without failing; lifting the
 * takedown lets the next submission in as usual.
 */
describe('takedown list end to end', () => {
  const run = unique('e2e-takedown');
  const services = {} as Record<ServiceName, RunningService>;
  let second: RunningService | undefined;
  let weatherProvider: FakeOpenMeteo;
  let reader: TopicReader;
  let apiKey: string;
  let id: string;
  let killCorrelationId: string;
  // A word found nowhere else, so a search for it finds only a resend that got through.
  const token = `resendtoken${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  const sourceId = `takedown-wire-${run}`;
  const itemId = `story-${run}`;
  const story = { sourceItemId: itemId, headline: `Magistrates ${run} hear Ellerbrook defamation claim`, language: 'en',
    body: 'LEEDS (Reuters) - A defamation claim over the Ellerbrook report was heard on Tuesday.', publishedAt: new Date(Date.now() - 3_600_000).toISOString(),
    updatedAt: new Date(Date.now() - 3_600_000).toISOString() };
  const resend = () => ({ ...story, headline: `${story.headline} ${token}`, body: `${story.body} Resent ${token}.`, updatedAt: new Date().toISOString() });

  const submit = (url: string, article: Record<string, unknown>) => fetch(`${url}/v1/articles`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify(article),
  });
  const admin = (path: string, method = 'GET', body?: object) => fetch(`${services.ingest.url}/v1/admin${path}`, {
    method, headers: { authorization: `Bearer ${ADMIN_API_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const status = async (articleId: string): Promise<Status | undefined> => {
    const response = await fetch(`${services.ingest.url}/v1/articles/${articleId}/status`);
    return response.ok ? ((await response.json()) as Status) : undefined;
  };
  const indexed = (articleId: string, version: number) => waitFor(async () => {
    const current = await status(articleId);
    return current?.version === version && current.stage === 'indexed' ? current : undefined;
  }, { timeoutMs: 120_000, intervalMs: 300, what: `article ${articleId} v${version} indexed` });
  const expectTakenDown = async (response: Response, articleId: string) => {
    expect(response.status).toBe(451);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as Problem;
    expect(problem).toMatchObject({ type: 'https://newsflow.dev/problems/taken-down', status: 451, rule: 'taken-down', articleId });
    expect(problem.detail).toMatch(new RegExp(`article ${articleId} was taken down by an operator`));
  };
  const listed = async (): Promise<Listed[]> => {
    const response = await admin('/takedowns');
    expect(response.status).toBe(200);
    return ((await response.json()) as { takedowns: Listed[] }).takedowns;
  };
  const laterVersionsOnFinalTopic = (articleId: string, after: number) =>
    reader.messages.filter((m) => m.key === articleId && Number(m.headers['article-version']) > after);

  beforeAll(async () => {
    weatherProvider = await startFakeOpenMeteo();
    const env = stageEnv(run, weatherProvider.url, {
      LOG_LEVEL: 'info', SEARCH_COLLECTIONS_POLL_MS: '300', FEED_SCHEDULER_INTERVAL_MS: '200', FEED_ALLOW_PRIVATE_NETWORKS: 'true', FEED_MIN_INTERVAL_SECONDS: '1',
    });
    await startStages(run, env, services);
    // Another ingest instance on the same store: it learns of the kill from the list's generation.
    second = await startService('ingest', { ...env, KAFKA_GROUP_ID: `${run}-ingest` });
    reader = await TopicReader.start([TOPICS.articleIndexed]);
    apiKey = await createSource(services.ingest.url, sourceId);
    const response = await submit(services.ingest.url, story);
    expect(response.status).toBe(202);
    id = ((await response.json()) as { id: string }).id;
    await indexed(id, 1);
  });

  afterAll(async () => {
    await reader?.stop();
    const exits = await Promise.all([...Object.values(services), ...(second ? [second] : [])].map((s) => stopService(s)));
    expect(exits.every((e) => e === 'signal SIGTERM')).toBe(true);
    await weatherProvider?.close();
  });

  it('refuses a resend after the operator\'s kill with 451, in any format and on every instance, and stores nothing', async () => {
    const kill = await admin(`/articles/${id}/kill`, 'POST', { reason: 'Court order 2026/0451' });
    expect(kill.status).toBe(202);
    killCorrelationId = kill.headers.get('x-correlation-id') ?? '';
    expect(await kill.json()).toMatchObject({ id, version: 2, pubStatus: 'canceled' });
    await indexed(id, 2);

    await expectTakenDown(await submit(services.ingest.url, resend()), id);
    // The same story as NITF: its doc-id is the item id, so the same article.
    const nitf = `<?xml version="1.0" encoding="UTF-8"?><nitf><head><docdata><doc-id id-string="${itemId}"/><date.issue norm="20261207T080000Z"/></docdata></head>`
      + `<body><body.head><hedline><hl1>${story.headline} ${token}</hl1></hedline></body.head><body.content><p>${story.body} NITF ${token}.</p></body.content></body></nitf>`;
    await expectTakenDown(await fetch(`${services.ingest.url}/v1/articles`, {
      method: 'POST', headers: { 'content-type': 'application/xml', authorization: `Bearer ${apiKey}` }, body: nitf,
    }), id);
    // The other instance took no part in the kill: it picks the list's change up within its poll (2 s).
    // Probed with the first version's updatedAt, which until then is refused as stale (409), storing nothing.
    const stale = { ...resend(), updatedAt: story.updatedAt };
    const onSecond = await waitFor(async () => {
      const response = await submit((second as RunningService).url, stale);
      if (response.status === 451) return response;
      expect(response.status).toBe(409);
      return undefined;
    }, { timeoutMs: 5_000, intervalMs: 250, what: 'the second ingest instance to refuse the resend as taken down' });
    await expectTakenDown(onSecond, id);
    await expectTakenDown(await submit((second as RunningService).url, resend()), id);
    expect(await status(id)).toMatchObject({ version: 2 });
  });

  it('refuses the taken-down copy under another item id, with a zero-width space, and from another source, on every instance; other copy goes through', async () => {
    const copyRefused = async (response: Response) => {
      expect(response.status).toBe(451);
      const problem = (await response.json()) as Problem;
      expect(problem).toMatchObject({ type: 'https://newsflow.dev/problems/taken-down-copy', status: 451, rule: 'taken-down-copy', articleId: id });
      expect(problem.detail).toMatch(new RegExp(`copy of article ${id}, which an operator took down`));
    };
    const otherKey = await createSource(services.ingest.url, `takedown-syndicator-${run}`);
    const submitAs = (key: string, url: string, article: Record<string, unknown>) => fetch(`${url}/v1/articles`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(article),
    });
    const copy = { ...story, updatedAt: new Date().toISOString() };
    await copyRefused(await submit(services.ingest.url, { ...copy, sourceItemId: `${itemId}-reissued` }));
    await copyRefused(await submit(services.ingest.url, { ...copy, sourceItemId: itemId.toUpperCase(), body: story.body.replace('defamation', 'defa\u200Bmation') }));
    await copyRefused(await submitAs(otherKey, services.ingest.url, { ...copy, headline: story.headline.toUpperCase() }));
    await copyRefused(await submitAs(otherKey, (second as RunningService).url, { ...copy, sourceItemId: `syndicated-${run}` }));

    const different = await submitAs(otherKey, services.ingest.url, { ...copy, sourceItemId: `different-${run}`,
      headline: `Magistrates ${run} adjourn Ellerbrook hearing`, body: 'LEEDS (Reuters) - The Ellerbrook hearing was adjourned until January.' });
    expect(different.status).toBe(202);
    expect(await status(id)).toMatchObject({ version: 2 });
  });

  it('refuses the taken-down item of a batch and accepts the rest; nothing new reaches search or the final topic', async () => {
    const other = { sourceItemId: `other-${run}`, headline: `Harbour board ${run} approves dredging`, body: 'The harbour board approved the dredging plan.', language: 'en',
      publishedAt: new Date().toISOString() };
    const response = await fetch(`${services.ingest.url}/v1/articles/batch`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify([resend(), other]),
    });
    expect(response.status).toBe(207);
    const batch = (await response.json()) as { accepted: number; refused: number; results: Array<{ index: number; status: number; id?: string; problem?: Problem }> };
    expect(batch).toMatchObject({ accepted: 1, refused: 1 });
    const byIndex = [...batch.results].sort((a, b) => a.index - b.index);
    expect(byIndex[0]).toMatchObject({ status: 451, problem: { status: 451, rule: 'taken-down', articleId: id } });
    expect(byIndex[1]).toMatchObject({ status: 202, id: expect.any(String) });

    // The other story went all the way through; the refused resends did not (one of them was sent before it).
    const otherId = byIndex[1].id as string;
    await indexed(otherId, 1);
    await reader.waitForMessage((m) => m.key === otherId, `${otherId} on the final topic`, 120_000);
    expect(laterVersionsOnFinalTopic(id, 2)).toEqual([]);
    const search = await fetch(`${services.indexer.url}/v1/search?q=${token}`);
    expect(((await search.json()) as { items: unknown[] }).items).toEqual([]);
    expect(await status(id)).toMatchObject({ version: 2, stage: 'indexed' });
    // Logged once per takedown and instance, not once per resend.
    const refusals = readFileSync(services.ingest.logFile, 'utf8').split('\n').filter((line) => line.includes('taken-down article refused') && line.includes(id));
    expect(refusals).toHaveLength(1);
  });

  it('shows the takedown to operators only, paged', async () => {
    expect(await listed()).toEqual([{ articleId: id, reason: 'Court order 2026/0451', takenDownAt: expect.any(String), correlationId: killCorrelationId,
      sourceId, sourceItemId: itemId }]);
    expect(killCorrelationId).not.toBe('');
    expect((await fetch(`${services.ingest.url}/v1/admin/takedowns`)).status).toBe(401);
    expect((await fetch(`${services.ingest.url}/v1/admin/takedowns`, { headers: { authorization: `Bearer ${apiKey}` } })).status).toBe(401);
    expect((await admin('/takedowns?limit=0')).status).toBe(400);
    const page = (await (await admin('/takedowns?limit=1')).json()) as { takedowns: Listed[]; next: string | null };
    expect(page).toMatchObject({ takedowns: [{ articleId: id }], next: id });
    expect(await (await admin(`/takedowns?limit=1&after=${id}`)).json()).toEqual({ takedowns: [], next: null });
  });

  it('keeps refusing it after a purge removed every version, and the purge keeps the list', async () => {
    const purge = await runScript('tools/purge/cli.js', ['--article', id], { MONGODB_URI: mongoUriWithDatabase(run.replace(/-/g, '_')), PURGE_SUMMARY_JSON: '1' });
    expect(purge.code).toBe(0);
    const summary = JSON.parse(purge.output.trim().split('\n').pop() ?? '{}') as { articles: number; removed: Record<string, number> };
    expect(summary).toMatchObject({ articles: 1, removed: { ingest_articles: 2 } });
    expect(await status(id)).toBeUndefined();

    await expectTakenDown(await submit(services.ingest.url, resend()), id);
    await expectTakenDown(await submit((second as RunningService).url, resend()), id);
    expect(await status(id)).toBeUndefined();
    expect((await listed()).map((t) => t.articleId)).toEqual([id]);
  });

  describe('a feed that still lists the item', () => {
    let server: Server;
    let feed = { etag: '"v1"', items: [`item-a-${run}`], headline: 'Quarry expansion approved' };
    const feedSource = `takedown-feed-${run}`;
    const rss = () => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Takedown wire</title>${feed.items.map((guid) =>
      `<item><guid isPermaLink="false">${guid}</guid><title>${feed.headline} ${guid}</title><description>The council voted on the ${guid} plan.</description>`
      + '<pubDate>Mon, 07 Dec 2026 07:15:00 GMT</pubDate></item>').join('')}</channel></rss>`;
    const sourceState = async () => ((await (await admin(`/sources/${feedSource}`)).json()) as {
      feed: { consecutiveFailures: number; lastError?: string; lastRefusedCount?: number; lastTakenDownCount?: number; etag?: string };
    }).feed;
    let feedArticle: string;
    /** The kill's version: both instances poll the feed, and one may take a change while the kill waits for the list to propagate. */
    let killedAt: number;

    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.headers['if-none-match'] === feed.etag) return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: feed.etag }).end(rss());
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      await createSource(services.ingest.url, feedSource, { feed: { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/feed.rss`, intervalSeconds: 1 } });
      const first = await reader.waitForMessage((m) => (m.value ?? '').includes(`item-a-${run}`), 'the feed item on the final topic', 120_000);
      feedArticle = first.key as string;
    });

    afterAll(() => new Promise((resolve) => server?.close(resolve)));

    it('skips the taken-down item, takes the feed\'s new one, and the feed stays healthy', async () => {
      const kill = await admin(`/articles/${feedArticle}/kill`, 'POST');
      expect(kill.status).toBe(202);
      killedAt = ((await kill.json()) as { version: number }).version;
      await indexed(feedArticle, killedAt);
      // The desk changed the item (a new version, were it accepted) and added another.
      feed = { etag: '"v2"', items: [`item-a-${run}`, `item-b-${run}`], headline: 'Quarry expansion approved after appeal' };
      await reader.waitForMessage((m) => (m.value ?? '').includes(`item-b-${run}`), 'the feed\'s new item on the final topic', 120_000);
      const state = await waitFor(async () => {
        const current = await sourceState();
        return current.etag === '"v2"' ? current : undefined;
      }, { timeoutMs: 20_000, what: 'the poll that read the changed feed to be recorded' });
      expect(state).toMatchObject({ consecutiveFailures: 0, lastRefusedCount: 0, lastTakenDownCount: 1 });
      expect(state.lastError ?? null).toBeNull();
      expect(await status(feedArticle)).toMatchObject({ version: killedAt });
      expect(laterVersionsOnFinalTopic(feedArticle, killedAt)).toEqual([]);
    });

    it('takes the item again as the next version once the takedown is lifted, though the feed did not change', async () => {
      const lift = await admin(`/takedowns/${feedArticle}`, 'DELETE');
      expect(lift.status).toBe(200);
      expect(await lift.json()).toMatchObject({ lifted: { articleId: feedArticle, sourceId: feedSource, sourceItemId: `item-a-${run}` } });
      // The feed still answers 304 to its validators: the lift dropped them, so the next poll reads it whole.
      await indexed(feedArticle, killedAt + 1);
      expect((await sourceState()).lastTakenDownCount).toBe(0);
    });
  });

  it('lifts the takedown: 404 when not listed, and the next submission is accepted as usual on every instance', async () => {
    const lift = await admin(`/takedowns/${id}`, 'DELETE');
    expect(lift.status).toBe(200);
    expect(await lift.json()).toMatchObject({ lifted: { articleId: id, reason: 'Court order 2026/0451' } });
    const again = await admin(`/takedowns/${id}`, 'DELETE');
    expect(again.status).toBe(404);
    expect(((await again.json()) as Problem).rule).toBe('takedown-not-found');
    expect(await listed()).toEqual([]);

    // Purged, so the resend is a new story: version 1, through to the final topic.
    const article = resend();
    const accepted = await submit(services.ingest.url, article);
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toMatchObject({ id, version: 1 });
    await indexed(id, 1);
    // The other instance lifts it too within its poll: the same story there is the duplicate it now is.
    await waitFor(async () => ((await submit((second as RunningService).url, article)).status === 200 ? true : undefined),
      { timeoutMs: 5_000, intervalMs: 250, what: 'the second ingest instance to accept the story again' });
    // Its copy under another item id too: the lift took the fingerprints with it.
    expect((await submit(services.ingest.url, { ...story, sourceItemId: `${itemId}-after-lift`, updatedAt: new Date().toISOString() })).status).toBe(202);
  });
});
