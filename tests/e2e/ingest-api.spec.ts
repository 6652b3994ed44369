import { deadLetterTopic, parseEvent, TOPICS } from '@newsflow/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { RunningService, startService, stopService } from '../support/service-process';
import { ADMIN_API_KEY, createSource } from '../support/sources';
import { TopicReader } from '../support/topic-reader';
import { mongoUriWithDatabase, requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

const FIXTURES = join(__dirname, '..', '..', 'services', 'ingest', 'src', 'articles', 'formats', 'fixtures');

/** Ingest as a wire desk uses it: every accepted format, and every kind of bad input, over real HTTP. */
describe('ingest HTTP API', () => {
  const run = unique('e2e-ingest');
  let ingest: RunningService;
  let received: TopicReader;
  let apiKey: string;

  beforeAll(async () => {
    ingest = await startService('ingest', {
      MONGODB_URI: mongoUriWithDatabase(run.replace(/-/g, '_')),
      KAFKA_GROUP_ID: run,
      MAX_BODY_BYTES: String(64 * 1024),
      MAX_BATCH_ITEMS: '5',
      // Room for one of the largest bodies and a little more: the busy test holds one open to fill it.
      SUBMISSION_BUDGET_BYTES: String(100 * 1024),
      // One source sends everything here, so it may hold the whole budget (ingest-abuse.spec.ts tests the share).
      SUBMISSION_SOURCE_SHARE: '1',
      ADMIN_API_KEY,
      FEED_SCHEDULER_INTERVAL_MS: '200',
      // The pulled-feed tests poll a feed on 127.0.0.1 every second.
      FEED_ALLOW_PRIVATE_NETWORKS: 'true',
      FEED_MIN_INTERVAL_SECONDS: '1',
    });
    apiKey = await createSource(ingest.url, 'exw');
    received = await TopicReader.start([TOPICS.articleReceived]);
  });

  afterAll(async () => {
    await received?.stop();
    if (ingest) await stopService(ingest);
  });

  const post = (path: string, contentType: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${ingest.url}${path}`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${apiKey}`, ...headers }, body });

  /** Fixtures are submitted under a per-run item id so each run creates new articles. */
  const fresh = (text: string) => text.replace(/interpol-ga-93/g, `interpol-ga-93-${run}`);

  it.each([
    ['ninjs 2.x', 'application/ninjs+json', 'interpol.ninjs.json', 'ninjs'],
    ['NewsML-G2', 'application/vnd.iptc.g2.newsitem+xml', 'interpol.newsml.xml', 'newsml-g2'],
    ['NITF 3.x', 'application/xml', 'interpol.nitf.xml', 'nitf'],
  ])('accepts %s and publishes the canonical article', async (_name, contentType, file, format) => {
    const response = await post('/v1/articles', contentType, fresh(readFileSync(join(FIXTURES, file), 'utf8')));
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { id: string; correlationId: string };
    // None was sent: the one made for the request is answered in the header and the body, and carried on.
    expect(accepted.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-correlation-id')).toBe(accepted.correlationId);
    const message = await received.waitForMessage((m) => m.key === accepted.id, `${format} article on the received topic`);
    expect(parseEvent(TOPICS.articleReceived, JSON.parse(message.value ?? 'null')).correlationId).toBe(accepted.correlationId);
    const { article } = parseEvent(TOPICS.articleReceived, JSON.parse(message.value ?? 'null')).payload;
    expect(article).toMatchObject({ format, headline: 'Marrakech Hosts 93rd INTERPOL General Assembly', language: 'en' });
    expect(article.body).toMatch(/Al-Raisi/);
    expect(article.bodyHtml).not.toMatch(/<script|onclick/);
  });

  it('answers every kind of bad input with problem+json, and stores nothing', async () => {
    const cases: Array<[string, string | Buffer, number, string]> = [
      ['application/json', '{"headline": ', 400, 'json-malformed'],
      ['text/plain', 'just text', 415, 'unsupported-media-type'],
      ['application/json', JSON.stringify({ source: 'exw', sourceItemId: 'b1', body: 'no headline' }), 422, 'required'],
      ['application/json', JSON.stringify({ source: 'exw', sourceItemId: 'b2', headline: 7, body: 'x' }), 422, 'wrong-type'],
      ['application/json', JSON.stringify({ source: 'exw', sourceItemId: 'b3', headline: 'H', body: 'x', publishedAt: '2999-01-01T00:00:00Z' }), 422, 'timestamp-in-future'],
      ['application/json', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 400, 'invalid-utf8'],
      ['application/xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><nitf>&e;</nitf>', 400, 'xml-doctype-forbidden'],
      ['application/json', JSON.stringify({ source: 'exw', sourceItemId: 'big', headline: 'H', body: 'x'.repeat(70 * 1024) }), 413, 'body-too-large'],
    ];
    for (const [contentType, body, status, rule] of cases) {
      const response = await post('/v1/articles', contentType, body);
      expect({ rule, status: response.status, type: response.headers.get('content-type') }).toEqual({ rule, status, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(((await response.json()) as { rule: string }).rule).toBe(rule);
    }
  });

  it('answers 503 busy with Retry-After, before reading the body, once the bytes in progress would pass its budget', async () => {
    const story = (id: string, bytes = 0) =>
      JSON.stringify({ sourceItemId: `${id}-${run}`, headline: 'Busy desk', body: 'Body.', publishedAt: new Date().toISOString() }).padEnd(bytes, ' ');
    // A desk still uploading a 60 KB story holds 60 KB of the 100 KB budget.
    const { hostname, port } = new URL(ingest.url);
    const slow = connect(Number(port), hostname);
    await new Promise((resolve) => slow.once('connect', resolve));
    let answered = '';
    slow.on('data', (chunk) => { answered += chunk; });
    const body = story('busy-1', 60 * 1024);
    slow.write(`POST /v1/articles HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${apiKey}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 1000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const busy = await post('/v1/articles', 'application/json', story('busy-2', 50 * 1024));
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(busy.headers.get('content-type')).toContain('application/problem+json');
    expect(await busy.json()).toMatchObject({ rule: 'busy', status: 503, detail: expect.stringContaining('1 submissions') });
    // A small story still fits beside the upload.
    expect((await post('/v1/articles', 'application/json', story('busy-3'))).status).toBe(202);

    slow.write(body.slice(1000));
    await waitFor(() => answered.includes('\r\n\r\n'), { timeoutMs: 10_000, what: 'the upload to be answered' });
    slow.destroy();
    expect(answered).toMatch(/^HTTP\/1\.1 202 /);
    expect((await post('/v1/articles', 'application/json', story('busy-2', 50 * 1024))).status).toBe(202);
  });

  it('lists unknown fields it ignored', async () => {
    const response = await post('/v1/articles', 'application/json', JSON.stringify({
      source: 'exw', sourceItemId: `unknown-${run}`, headline: 'H', body: 'Body text.', colour: 'blue', priority: 1,
    }));
    expect(response.status).toBe(202);
    expect(((await response.json()) as { ignoredFields: string[] }).ignoredFields).toEqual(['colour', 'priority']);
  });

  it('answers a batch item by item', async () => {
    const item = (n: number, extra: object = {}) => ({ source: 'exw', sourceItemId: `batch-${run}-${n}`, headline: `Story ${n}`, body: `Body ${n}.`, ...extra });
    const response = await post('/v1/articles/batch', 'application/json', JSON.stringify([item(1), item(1), item(2, { headline: '' }), item(3)]));
    expect(response.status).toBe(207);
    const body = (await response.json()) as { accepted: number; refused: number; results: Array<{ status: number; duplicate?: boolean; problem?: { field: string } }> };
    expect(body).toMatchObject({ accepted: 3, refused: 1 });
    expect(body.results.map((r) => r.status)).toEqual([202, 200, 422, 202]);
    expect(body.results[2].problem?.field).toBe('headline');
    const tooMany = await post('/v1/articles/batch', 'application/json', JSON.stringify([1, 2, 3, 4, 5, 6].map((n) => item(10 + n))));
    expect(tooMany.status).toBe(413);
  });

  describe('sources and keys', () => {
    const story = (source: string, n: string) => JSON.stringify({ source, sourceItemId: `auth-${run}-${n}`, headline: 'H', body: 'Body.' });
    const admin = (path: string, body?: object) =>
      fetch(`${ingest.url}/v1/admin/sources${path}`, {
        method: body ? 'POST' : path.includes('/') ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_API_KEY}` },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    it('answers 401 without a key or with an unknown one, and 403 for another source', async () => {
      const missing = await fetch(`${ingest.url}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: story('exw', '1') });
      expect([missing.status, ((await missing.json()) as { rule: string }).rule]).toEqual([401, 'api-key-missing']);
      const unknown = await post('/v1/articles', 'application/json', story('exw', '2'), { authorization: 'Bearer nfk_not-a-key' });
      expect([unknown.status, ((await unknown.json()) as { rule: string }).rule]).toEqual([401, 'api-key-unknown']);
      const other = await post('/v1/articles', 'application/json', story('reuters', '3'));
      expect([other.status, ((await other.json()) as { rule: string }).rule]).toEqual([403, 'wrong-source']);
    });

    it('never shows keys, rotates them and disables sources', async () => {
      const key = await createSource(ingest.url, `desk-${run}`);
      const listed = await (await admin('')).text();
      expect(listed).toContain(`desk-${run}`);
      expect(listed).not.toContain(key);
      expect(listed).not.toMatch(/keyHash/);
      const rotated = (await (await admin(`/desk-${run}/rotate-key`, {})).json()) as { apiKey: string };
      expect((await post('/v1/articles', 'application/json', story(`desk-${run}`, '4'), { authorization: `Bearer ${key}` })).status).toBe(401);
      expect((await post('/v1/articles', 'application/json', story(`desk-${run}`, '4'), { authorization: `Bearer ${rotated.apiKey}` })).status).toBe(202);
      await admin(`/desk-${run}/disable`, {});
      const disabled = await post('/v1/articles', 'application/json', story(`desk-${run}`, '5'), { authorization: `Bearer ${rotated.apiKey}` });
      expect([disabled.status, ((await disabled.json()) as { rule: string }).rule]).toEqual([403, 'source-disabled']);
      const noAdmin = await fetch(`${ingest.url}/v1/admin/sources`, { headers: { authorization: `Bearer ${rotated.apiKey}` } });
      expect(noAdmin.status).toBe(401);
    });

    it('answers 429 with Retry-After past the per-source rate limit', async () => {
      const key = await createSource(ingest.url, `limited-${run}`, { rateLimitPerMinute: 3 });
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      // 8 requests against a limit of 3: even split by a minute boundary, one window gets 4 or more.
      for (let n = 0; n < 8; n++) {
        const response = await post('/v1/articles', 'application/json', story(`limited-${run}`, `rl-${n}`), { authorization: `Bearer ${key}` });
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get('retry-after');
      }
      expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(3);
      expect(statuses).toContain(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    });
  });

  describe('pulled feeds', () => {
    const FEEDS = join(__dirname, '..', '..', 'services', 'ingest', 'src', 'feeds', 'fixtures');
    const requests: Array<{ ifNoneMatch?: string; status: number }> = [];
    let mode: 'rss' | 'html' = 'rss';
    /** Requests to /second.rss, the address /moved.rss moved to for good, which is 410 Gone while `secondGone`. */
    const second: number[] = [];
    let secondGone = false;
    let server: Server;
    let feedUrl: string;

    beforeAll(async () => {
      const rss = readFileSync(join(FEEDS, 'wire.rss.xml'), 'utf8').replace(/exw-rss-1001/g, `exw-rss-1001-${run}`).replace(/porto-alegre-floods/g, `porto-alegre-floods-${run}`);
      const secondRss = rss.replace(/exw-rss-1001-[^<]*/g, `second-1001-${run}`).replace(/porto-alegre-floods-[^<]*/g, `second-floods-${run}`);
      server = createServer((req, res) => {
        const ifNoneMatch = req.headers['if-none-match'];
        if (req.url === '/moved.rss') {
          res.writeHead(301, { location: '/second.rss' }).end();
        } else if (req.url === '/second.rss') {
          second.push(Date.now());
          if (secondGone) res.writeHead(410).end();
          else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(secondRss);
        } else if (mode === 'html') {
          requests.push({ ifNoneMatch, status: 200 });
          res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Moved</body></html>');
        } else if (ifNoneMatch === '"v1"') {
          requests.push({ ifNoneMatch, status: 304 });
          res.writeHead(304).end();
        } else {
          requests.push({ ifNoneMatch, status: 200 });
          res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss);
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      feedUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/world.rss`;
    });

    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    const sourceState = async (id: string) =>
      (await (await fetch(`${ingest.url}/v1/admin/sources/${id}`, { headers: { authorization: `Bearer ${ADMIN_API_KEY}` } })).json()) as {
        feed: { url: string; consecutiveFailures: number; lastError?: string; lastItemCount?: number; etag?: string; nextPollAt: string; gone?: boolean };
      };
    const admin = (path: string, body?: object) =>
      fetch(`${ingest.url}/v1/admin/sources${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_API_KEY}` }, body: JSON.stringify(body ?? {}),
      });

    it('polls with conditional GET, turns new items into articles, and backs off a feed that breaks', async () => {
      const id = `feed-${run}`;
      await createSource(ingest.url, id, { feed: { url: feedUrl, intervalSeconds: 1 } });
      const first = await received.waitForMessage((m) => (m.value ?? '').includes(`exw-rss-1001-${run}`), 'the first feed item on the received topic');
      expect(JSON.parse(first.value ?? '{}').payload.article).toMatchObject({ format: 'rss', source: { id }, headline: 'Nairobi hosts East African trade talks' });
      await received.waitForMessage((m) => (m.value ?? '').includes(`porto-alegre-floods-${run}`), 'the second feed item');
      await waitFor(() => requests.some((r) => r.status === 304), { what: 'a conditional re-poll answered 304', timeoutMs: 20_000 });
      expect(requests.find((r) => r.status === 304)?.ifNoneMatch).toBe('"v1"');
      expect((await sourceState(id)).feed).toMatchObject({ consecutiveFailures: 0, etag: '"v1"' });

      mode = 'html';
      const failing = await waitFor(async () => {
        const state = await sourceState(id);
        return state.feed.consecutiveFailures >= 1 ? state : undefined;
      }, { what: 'the feed to be marked failing', timeoutMs: 20_000 });
      expect(failing.feed.lastError).toMatch(/HTML page/);
      expect(Date.parse(failing.feed.nextPollAt) - Date.now()).toBeGreaterThan(500);
      const published = received.messages.filter((m) => (m.value ?? '').includes(`exw-rss-1001-${run}`));
      expect(published).toHaveLength(1);
    });

    it('keeps the address a feed moved to for good, stops polling it once gone, and resumes when the source is enabled', async () => {
      const id = `moved-${run}`;
      const base = feedUrl.replace(/\/world\.rss$/, '');
      await createSource(ingest.url, id, { feed: { url: `${base}/moved.rss`, intervalSeconds: 1 } });
      await received.waitForMessage((m) => (m.value ?? '').includes(`second-1001-${run}`), 'an item of the feed read at its new address');
      await waitFor(async () => ((await sourceState(id)).feed.url === `${base}/second.rss` ? true : undefined), { what: 'the new address to be kept', timeoutMs: 20_000 });

      secondGone = true;
      const gone = await waitFor(async () => {
        const state = await sourceState(id);
        return state.feed.gone ? state : undefined;
      }, { what: 'the feed to be marked gone', timeoutMs: 20_000 });
      expect(gone.feed.lastError).toMatch(/410 Gone/);
      const polledWhileGone = second.length;
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(second.length).toBe(polledWhileGone);

      secondGone = false;
      expect((await admin(`/${id}/enable`)).status).toBe(201);
      await waitFor(() => (second.length > polledWhileGone ? true : undefined), { what: 'polling to resume', timeoutMs: 20_000 });
      await waitFor(async () => {
        const state = await sourceState(id);
        return !state.feed.gone && state.feed.consecutiveFailures === 0 ? true : undefined;
      }, { what: 'the feed to be healthy again', timeoutMs: 20_000 });
    });

    it('refuses a feed URL that carries credentials, and an interval under the minimum', async () => {
      const credentials = await admin('', { id: `creds-${run}`, name: 'creds', feed: { url: 'https://editor:hunter2@feeds.example.org/world.rss' } });
      expect(credentials.status).toBe(422);
      const problem = (await credentials.json()) as { rule: string; detail?: string };
      expect(problem.rule).toBe('feed-url-credentials');
      expect(JSON.stringify(problem)).not.toContain('hunter2');
      const tooOften = await admin('', { id: `often-${run}`, name: 'often', feed: { url: feedUrl, intervalSeconds: 0 } });
      expect([tooOften.status, ((await tooOften.json()) as { detail: string }).detail]).toEqual([422, expect.stringMatching(/feed\.intervalSeconds: at least 1 seconds/)]);
    });

    it('changes a source\'s feed in place, and makes it push-only, without a new source or key', async () => {
      const id = `repointed-${run}`;
      await createSource(ingest.url, id, { feed: { url: 'https://feeds.example.org/old.rss', intervalSeconds: 3600 } });
      const patch = (body: object) => fetch(`${ingest.url}/v1/admin/sources/${id}`, {
        method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_API_KEY}` }, body: JSON.stringify(body),
      });
      const moved = await patch({ feed: { url: 'https://feeds.example.org/new.rss' }, rateLimitPerMinute: 120 });
      expect(moved.status).toBe(200);
      expect(moved.headers.get('cache-control')).toBe('no-store');
      // As the PATCH left it: the new address is polled at once, and (unreachable here) may have failed by a later read.
      expect(await moved.json()).toMatchObject({ rateLimitPerMinute: 120, feed: { url: 'https://feeds.example.org/new.rss', intervalSeconds: 3600, consecutiveFailures: 0 } });
      expect(await sourceState(id)).toMatchObject({ rateLimitPerMinute: 120, feed: { url: 'https://feeds.example.org/new.rss', intervalSeconds: 3600 } });
      expect((await patch({ feed: null })).status).toBe(200);
      expect((await sourceState(id)).feed).toBeUndefined();
      expect((await patch({ keyHash: 'x' })).status).toBe(422);
    });
  });

  it('shows an article a stage dead-lettered as failed, with the stage and the reason', async () => {
    const response = await post('/v1/articles', 'application/json', JSON.stringify({ sourceItemId: `fail-${run}`, headline: 'H', body: 'Body.' }));
    const { id, statusUrl } = (await response.json()) as { id: string; statusUrl: string };
    const sent = await received.waitForMessage((m) => m.key === id, 'the received event');
    const producer = new Kafka({ clientId: run, brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic: deadLetterTopic('enricher'),
      messages: [{ key: id, value: sent.value, headers: { 'dlq-error-code': 'ENRICH.GAVE_UP', 'dlq-error-message': 'extraction failed 5 times', 'dlq-failed-at': new Date().toISOString() } }],
    });
    await producer.disconnect();
    const status = await waitFor(async () => {
      const body = (await (await fetch(`${ingest.url}${statusUrl}`)).json()) as { stage: string; failure?: object };
      return body.stage === 'failed' ? body : undefined;
    }, { what: 'the status to show the failure' });
    expect(status.failure).toMatchObject({ stage: 'enricher', code: 'ENRICH.GAVE_UP', message: 'extraction failed 5 times' });
  });
});
