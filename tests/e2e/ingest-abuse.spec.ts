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
      // Room for one of the largest bodies and a little more.
      SUBMISSION_BUDGET_BYTES: String(100 * 1024),
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

  it('counts a compressed upload as the largest body it may inflate to', async () => {
    const compressed = gzipSync(JSON.stringify(story('gzip')));
    const upload = await trickle(`Authorization: Bearer ${apiKey}\r\nContent-Encoding: gzip\r\n`, compressed.length, compressed.subarray(0, 1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // A few hundred bytes on the wire, but up to 64 KB once inflated: the next 40 KB no longer fits.
    const busy = await fetch(`${ingest.url}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(story('beside-gzip')).padEnd(40 * 1024, ' '),
    });
    expect(busy.status).toBe(503);
    upload.socket.write(compressed.subarray(1));
    await waitFor(() => (upload.answer().includes('\r\n\r\n') ? true : undefined), { timeoutMs: 10_000, what: 'the gzip upload to be answered' });
    expect(upload.answer()).toMatch(/^HTTP\/1\.1 202/);
  });

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
