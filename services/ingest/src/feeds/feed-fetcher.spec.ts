import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { refusedRange } from './feed-address-policy';
import { FeedFetchError, FeedGone } from './feed-errors';
import { decodeFeed, FeedFetchPolicy, fetchFeed } from './feed-fetcher';

describe('decodeFeed', () => {
  const latin1 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>'), Buffer.from([0x53, 0xe3, 0x6f, 0x20, 0x50, 0x61, 0x75, 0x6c, 0x6f]), Buffer.from('</title></rss>')]);

  it('reads the encoding the XML declaration names', () => {
    expect(decodeFeed(latin1, 'application/rss+xml')).toContain('<title>São Paulo</title>');
  });

  it('prefers the charset of the Content-Type, and reads UTF-8 otherwise', () => {
    expect(decodeFeed(latin1, 'application/rss+xml; charset=iso-8859-1')).toContain('São Paulo');
    expect(decodeFeed(Buffer.from('<rss><title>São Paulo</title></rss>'), null)).toContain('São Paulo');
    expect(decodeFeed(Buffer.from('<rss><title>São Paulo</title></rss>'), 'text/xml; charset=no-such-charset')).toContain('São Paulo');
  });
});

describe('fetchFeed', () => {
  type Handler = (req: IncomingMessage, res: ServerResponse) => void;
  const routes = new Map<string, Handler>();
  const hits: Array<{ path: string; userAgent?: string }> = [];
  const closed: string[] = [];
  let server: Server;
  let port: number;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push({ path: req.url ?? '', userAgent: req.headers['user-agent'] });
      res.on('close', () => closed.push(req.url ?? ''));
      const handler = routes.get(req.url ?? '');
      if (handler) handler(req, res);
      else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"e1"' }).end('<rss><channel/></rss>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    routes.clear();
    hits.length = 0;
    closed.length = 0;
  });

  const redirect = (status: number, location: string): Handler => (_req, res) => void res.writeHead(status, { location }).end('moved');
  const policy = (extra: Partial<FeedFetchPolicy> = {}): FeedFetchPolicy => ({ timeoutMs: 5000, maxBytes: 1024 * 1024, userAgent: 'newsflow-test/1', allowPrivateNetworks: true, ...extra });
  /** Private networks refused, except the test server's own 127.0.0.1, which plays a public feed host. */
  const publicTestServer = (extra: Partial<FeedFetchPolicy> = {}) =>
    policy({ allowPrivateNetworks: false, checkAddress: (address) => (address === '127.0.0.1' ? undefined : refusedRange(address)),
      resolve: async (host) => [{ address: host === 'intranet.example' ? '10.9.8.7' : '127.0.0.1', family: 4 }], ...extra });
  const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected the fetch to fail'); }, (error: unknown) => error as FeedFetchError);

  describe('with private networks refused', () => {
    it.each([
      ['loopback', `http://127.0.0.1:PORT/feed`],
      ['decimal loopback', `http://2130706433:PORT/feed`],
      ['IPv6 loopback', `http://[::1]:PORT/feed`],
      ['IPv4-mapped loopback', `http://[::ffff:127.0.0.1]:PORT/feed`],
      ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
      ['RFC 1918', 'http://10.0.0.5/feed'],
    ])('refuses a %s address before connecting', async (_name, url) => {
      const error = await failure(fetchFeed(url.replace('PORT', String(port)), {}, policy({ allowPrivateNetworks: false })));
      expect(error).toMatchObject({ rule: 'feed-url-private', message: expect.stringMatching(/^refused: .*(loopback|linkLocal|private) address/) });
      expect(hits).toEqual([]);
    });

    it('refuses a host name that resolves to a private address, and one that answers a public and a private one', async () => {
      expect(await failure(fetchFeed(`http://localhost:${port}/feed`, {}, policy({ allowPrivateNetworks: false }))))
        .toMatchObject({ rule: 'feed-address-refused', message: expect.stringMatching(/^refused: localhost resolves to a loopback address/) });
      const mixed = async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.1.2.3', family: 4 }];
      expect(await failure(fetchFeed('http://feed.example/rss', {}, policy({ allowPrivateNetworks: false, resolve: mixed }))))
        .toMatchObject({ rule: 'feed-address-refused', message: expect.stringContaining('private') });
      expect(hits).toEqual([]);
    });

    it.each([
      ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', /linkLocal/],
      ['RFC 1918', 'http://10.0.0.5/admin', /private/],
      ['CGNAT', 'http://100.64.0.1/', /carrierGradeNat/],
      ['IPv6 loopback', 'http://[::1]/', /loopback/],
      ['a name resolving to RFC 1918', 'http://intranet.example/', /intranet.example resolves to a private address/],
    ])('refuses a redirect from a public host to %s, and says so instead of a fetch error', async (_name, target, range) => {
      routes.set('/feed', redirect(302, target));
      const error = await failure(fetchFeed(`${base}/feed`, {}, publicTestServer()));
      expect(error.message).toMatch(/^refused: /);
      expect(error.message).toMatch(range);
      expect(hits.map((h) => h.path)).toEqual(['/feed']);
    });
  });

  it('connects to the address it vetted: the host name is resolved once per hop, by the injected resolver', async () => {
    let lookups = 0;
    const resolve = async () => (++lookups, [{ address: '127.0.0.1', family: 4 }]);
    routes.set('/feed', redirect(307, `http://feed.example:${port}/final`));
    const fetched = await fetchFeed(`http://feed.example:${port}/feed`, {}, publicTestServer({ resolve }));
    expect(fetched).toMatchObject({ notModified: false, url: `http://feed.example:${port}/final`, movedTo: undefined });
    expect(lookups).toBe(2);
  });

  it('refuses credentials in a redirect target', async () => {
    routes.set('/feed', redirect(301, `http://user:secret@127.0.0.1:${port}/other`));
    const error = await failure(fetchFeed(`${base}/feed`, {}, policy()));
    expect(error).toMatchObject({ rule: 'feed-url-credentials' });
    expect(error.message).not.toContain('secret');
  });

  it('follows at most five redirects, and names a loop', async () => {
    for (let n = 1; n <= 6; n++) routes.set(`/r${n}`, redirect(302, `/r${n + 1}`));
    routes.delete('/r6');
    await expect(fetchFeed(`${base}/r1`, {}, policy())).resolves.toMatchObject({ url: `${base}/r6` });
    routes.set('/r6', redirect(302, '/r7'));
    expect(await failure(fetchFeed(`${base}/r1`, {}, policy()))).toMatchObject({ rule: 'feed-too-many-redirects' });
    routes.set('/a', redirect(302, '/b'));
    routes.set('/b', redirect(301, '/a'));
    expect(await failure(fetchFeed(`${base}/a`, {}, policy()))).toMatchObject({ rule: 'feed-redirect-loop' });
  });

  it('reports a permanent move only when every redirect on the way was permanent', async () => {
    routes.set('/old', redirect(301, '/newer'));
    routes.set('/newer', redirect(308, '/newest'));
    expect(await fetchFeed(`${base}/old`, {}, policy())).toMatchObject({ movedTo: `${base}/newest`, url: `${base}/newest` });
    routes.set('/temp', redirect(302, '/newest'));
    expect((await fetchFeed(`${base}/temp`, {}, policy())).movedTo).toBeUndefined();
    routes.set('/old', redirect(301, '/temp'));
    expect(await fetchFeed(`${base}/old`, {}, policy())).toMatchObject({ movedTo: `${base}/temp`, url: `${base}/newest` });
  });

  it('stops reading a chunked body, or a gzip that inflates, past the limit', async () => {
    routes.set('/chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let n = 0; n < 40; n++) res.write(chunk);
      res.end();
    });
    routes.set('/bomb', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20))));
    expect(await failure(fetchFeed(`${base}/chunked`, {}, policy()))).toMatchObject({ rule: 'feed-too-large' });
    const bomb = await failure(fetchFeed(`${base}/bomb`, {}, policy()));
    expect(bomb).toMatchObject({ rule: 'feed-too-large', message: expect.stringMatching(/decompressed/) });
  });

  it('lets go of the connection of an error answer instead of waiting for its body', async () => {
    routes.set('/broken', (_req, res) => {
      // An error page that never ends: unread, it would hold the socket until the time limit.
      res.writeHead(500, { 'content-type': 'text/html' });
      res.write('<html>'.repeat(1000));
    });
    const started = Date.now();
    expect(await failure(fetchFeed(`${base}/broken`, {}, policy({ timeoutMs: 10_000 })))).toMatchObject({ rule: 'feed-http-error' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toContain('/broken');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('hands on Retry-After of 429 and 503, in seconds or as a date, and 410 as gone', async () => {
    routes.set('/busy', (_req, res) => void res.writeHead(429, { 'retry-after': '120' }).end());
    routes.set('/down', (_req, res) => void res.writeHead(503, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }).end());
    routes.set('/gone', (_req, res) => void res.writeHead(410).end());
    expect(await failure(fetchFeed(`${base}/busy`, {}, policy()))).toMatchObject({ message: 'the feed answered HTTP 429', retryAfterMs: 120_000 });
    expect((await failure(fetchFeed(`${base}/down`, {}, policy()))).retryAfterMs).toBeGreaterThan(3_590_000);
    expect(await failure(fetchFeed(`${base}/gone`, {}, policy()))).toBeInstanceOf(FeedGone);
  });

  it('sends the configured User-Agent and the validators', async () => {
    routes.set('/cond', (req, res) => void res.writeHead(req.headers['if-none-match'] === '"e1"' ? 304 : 200).end());
    expect(await fetchFeed(`${base}/cond`, { etag: '"e1"' }, policy())).toMatchObject({ notModified: true, etag: '"e1"' });
    expect(hits[0].userAgent).toBe('newsflow-test/1');
  });
});
