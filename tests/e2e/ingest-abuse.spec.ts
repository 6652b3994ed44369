import { connect, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { RunningService, startService, stopService } from '../support/service-process';
import { ADMIN_API_KEY, createSource } from '../support/sources';
import { mongoUriWithDatabase, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

/** What a client without a key, or a source sending too much, can and cannot do to the desks' uploads. */
describe('ingest under abuse', () => {
  const run = unique('e2e-abuse');
  let ingest: RunningService;
  let apiKey: string;
  const open: Socket[] = [];

  beforeAll(async () => {
    ingest = await startService('ingest', {
      MONGODB_URI: mongoUriWithDatabase(run.replace(/-/g, '_')),
      KAFKA_GROUP_ID: run,
      MAX_BODY_BYTES: String(64 * 1024),
      // Room for one of the largest bodies and a little more; half of it per source.
      SUBMISSION_BUDGET_BYTES: String(100 * 1024),
      SUBMISSION_SOURCE_SHARE: '0.5',
      // An upload bringing under 1 KB a second over 5 s is cut off.
      SUBMISSION_STALL_WINDOW_MS: '5000',
      ADMIN_API_KEY,
    });
    apiKey = await createSource(ingest.url, `abuse-${run}`, { rateLimitPerMinute: 5 });
  });

  afterAll(async () => {
    for (const socket of open) socket.destroy();
    if (ingest) await stopService(ingest);
  });

  const story = (id: string) => ({ sourceItemId: `${id}-${run}`, headline: 'Desk story', body: 'Body.', publishedAt: new Date().toISOString() });
  const post = (path: string, body: unknown, key = apiKey) =>
    fetch(`${ingest.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

  /** Starts an upload that declares `length` bytes and sends only its headers and `first`. */
  async function trickle(headers: string, length: number, first: Buffer | string = '{'): Promise<{ socket: Socket; answer: () => string }> {
    const { hostname, port } = new URL(ingest.url);
    const socket = connect(Number(port), hostname);
    open.push(socket);
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (chunk) => { answer += chunk; });
    socket.write(`POST /v1/articles HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n${headers}Content-Length: ${length}\r\n\r\n`);
    socket.write(first);
    return { socket, answer: () => answer };
  }

  it('answers a client without a key at once, before it takes any of the budget the desks share', async () => {
    const anonymous = await Promise.all(Array.from({ length: 4 }, () => trickle('', 60 * 1024)));
    // Each is refused from its headers alone; the body never has to arrive.
    for (const upload of anonymous) {
      await waitFor(() => (upload.answer().includes('\r\n\r\n') ? true : undefined), { timeoutMs: 10_000, what: 'the keyless upload to be answered' });
      expect(upload.answer()).toMatch(/^HTTP\/1\.1 401/);
    }
    // Four 60 KB uploads would have held 240 KB of a 100 KB budget; a desk's story still goes in.
    expect((await post('/v1/articles', story('after-anonymous'))).status).toBe(202);
  });

  it('charges a compressed upload what it inflates to as it arrives, not the largest body it could be', async () => {
    const compressed = gzipSync(JSON.stringify(story('gzip')));
    const upload = await trickle(`Authorization: Bearer ${apiKey}\r\nContent-Encoding: gzip\r\n`, compressed.length, compressed.subarray(0, 1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // A few hundred bytes on the wire and inflated: the next 40 KB fits beside it (counted as 64 KB, it did not).
    const beside = await post('/v1/articles', { ...story('beside-gzip'), body: 'Body. '.repeat(7_000) });
    expect(beside.status).toBe(202);
    upload.socket.write(compressed.subarray(1));
    await waitFor(() => (upload.answer().includes('\r\n\r\n') ? true : undefined), { timeoutMs: 10_000, what: 'the gzip upload to be answered' });
    expect(upload.answer()).toMatch(/^HTTP\/1\.1 202/);
  });

  it('answers uploads whose declared length is past the limit 413 at once, and they hold none of the budget while their bodies never come', async () => {
    const header = await createSource(ingest.url, `header-only-${run}`, { rateLimitPerMinute: 1000 });
    const desk = await createSource(ingest.url, `desk-header-only-${run}`, { rateLimitPerMinute: 1000 });
    const started = Date.now();
    // Headers only: held as 64 KB each until Node's request timeout, the first left no room for the desk's 42 KB.
    const silent = await Promise.all(Array.from({ length: 6 }, () => trickle(`Authorization: Bearer ${header}\r\n`, 100 * 1024, '')));
    for (const upload of silent) {
      await waitFor(() => (upload.answer().includes('\r\n\r\n') ? true : undefined), { timeoutMs: 3_000, what: 'the over-limit upload to be answered' });
      expect(upload.answer()).toMatch(/^HTTP\/1\.1 413/);
      expect(upload.answer()).toMatch(/connection: close/i);
      expect(upload.answer()).toContain('"rule":"body-too-large"');
    }
    // Well inside one stall window (5 s): answered from the headers, not cut off for sending nothing.
    expect(Date.now() - started).toBeLessThan(3_000);
    const other = await post('/v1/articles', { ...story('desk-beside-header-only'), body: 'Body. '.repeat(7_000) }, desk);
    expect(other.status).toBe(202);
  });

  it('sheds only the flooding source\'s submissions once it holds its share of the budget; another desk still gets in', async () => {
    const flood = await createSource(ingest.url, `flood-${run}`, { rateLimitPerMinute: 1000 });
    const desk = await createSource(ingest.url, `desk-${run}`, { rateLimitPerMinute: 1000 });
    // Two slow uploads of 20 KB hold 40 KB of the flood's 50 KB share; the third would pass it.
    await trickle(`Authorization: Bearer ${flood}\r\n`, 20 * 1024);
    await trickle(`Authorization: Bearer ${flood}\r\n`, 20 * 1024);
    await waitFor(async () => {
      const metrics = await (await fetch(`${ingest.url}/metrics`)).text();
      return Number(/^newsflow_ingest_submission_bytes_in_progress\S* (\d+)/m.exec(metrics)?.[1]) >= 40 * 1024 ? true : undefined;
    }, { timeoutMs: 4_000, what: 'both slow uploads to hold their bytes' });
    const third = await trickle(`Authorization: Bearer ${flood}\r\n`, 20 * 1024);
    await waitFor(() => (third.answer().includes('\r\n\r\n') ? true : undefined), { timeoutMs: 4_000, what: 'the flood\'s third upload to be refused' });
    expect(third.answer()).toMatch(/^HTTP\/1\.1 503/);
    expect(third.answer()).toContain('"rule":"busy"');
    expect(third.answer()).toMatch(/source flood-\S+ already has 2 submissions/);
    // 40 KB + 45 KB fit the 100 KB budget: the flood took only its share (all three, 60 KB, left no room).
    const other = await post('/v1/articles', { ...story('desk-beside-flood'), body: 'Body. '.repeat(7_500) }, desk);
    expect(other.status).toBe(202);
  });

  it('cuts off an upload that stops sending with 408, giving back what it held', async () => {
    const stalled = await trickle(`Authorization: Bearer ${apiKey}\r\n`, 60 * 1024);
    await waitFor(() => (stalled.answer().includes('\r\n\r\n') ? true : undefined), { timeoutMs: 15_000, what: 'the stalled upload to be cut off' });
    expect(stalled.answer()).toMatch(/^HTTP\/1\.1 408/);
    expect(stalled.answer()).toContain('"rule":"upload-too-slow"');
  }, 30_000);

  it('counts a batch as its articles against the source\'s rate limit, and a refused batch as none', async () => {
    const other = await createSource(ingest.url, `limited-${run}`, { rateLimitPerMinute: 5 });
    const batch = (n: number, tag: string) => Array.from({ length: n }, (_, i) => story(`${tag}-${i}`));
    expect((await post('/v1/articles/batch', batch(4, 'first'), other)).status).toBe(202);
    const refused = await post('/v1/articles/batch', batch(3, 'second'), other);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ rule: 'rate-limited', detail: expect.stringContaining('5 articles a minute; this batch of 3') });
    // 4 + 1 of 5: the refused batch took nothing from the minute.
    expect((await post('/v1/articles', story('fifth'), other)).status).toBe(202);
  });

  it('sends no framework banner, and keeps admin answers that carry keys out of caches', async () => {
    const created = await fetch(`${ingest.url}/v1/admin/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_API_KEY}` },
      body: JSON.stringify({ id: `cache-${run}`, name: 'cache' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.headers.get('x-powered-by')).toBeNull();
    expect(created.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
