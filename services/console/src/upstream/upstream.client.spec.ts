import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConsoleConfig } from '../config/console.config';
import { problemOf } from '../http/problem-details.filter';
import { AccessRefusedError } from './access-refused.error';
import { UpstreamClient } from './upstream.client';
import { UpstreamError } from './upstream.error';

describe('UpstreamClient', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/slow') return void setTimeout(() => response.end('{}'), 2000);
      if (request.url === '/missing') return void response.writeHead(404).end('{"message":"no"}');
      if (request.url === '/refused') {
        return void response.writeHead(400, { 'content-type': 'application/problem+json' }).end('{"status":400,"detail":"radiusKm needs near","parameter":"radiusKm"}');
      }
      if (request.url === '/broken') return void response.writeHead(500).end('<html>oops</html>');
      if (request.url === '/locked' && request.headers.authorization !== 'Bearer good-key') {
        const detail = request.headers.authorization ? 'the read key is not valid' : 'send a read key';
        return void response.writeHead(401, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 401, detail, rule: request.headers.authorization ? 'read-key-invalid' : 'read-key-missing' }));
      }
      if (request.url === '/proxy-refuses') return void response.writeHead(403).end('<html>Forbidden</html>');
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: request.headers['x-correlation-id'] ?? null, authorization: request.headers.authorization ?? null }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const client = (overrides: Record<string, string> = {}) => new UpstreamClient(loadConsoleConfig({ INDEXER_URL: url, UPSTREAM_TIMEOUT_MS: '300', ...overrides }));
  const anonymous = { key: undefined, reading: 'search' };

  it('returns the JSON of a 2xx answer and null for an allowed 404', async () => {
    await expect(client().json('indexer', '/ok', anonymous)).resolves.toEqual({ echo: null, authorization: null });
    await expect(client().json('indexer', '/missing', { ...anonymous, allowNotFound: true })).resolves.toBeNull();
  });

  it("sends the caller's key as a bearer token, and none when it has none (not even one set in the old READ_API_KEY)", async () => {
    await expect(client().json('indexer', '/ok', { key: 'good-key', reading: 'search' })).resolves.toMatchObject({ authorization: 'Bearer good-key' });
    await expect(client({ READ_API_KEY: 'rk_0123456789abcdef' }).json('indexer', '/ok', anonymous)).resolves.toMatchObject({ authorization: null });
    await expect(client({ READ_API_KEY: 'rk_0123456789abcdef' }).text('indexer', '/ok')).resolves.toMatchObject({ body: expect.stringContaining('"authorization":null') });
  });

  it('turns a refused key into 401 (sign in) without a key and 403 (this key cannot) with one, keeping the rule', async () => {
    const missing = await client().json('indexer', '/locked', anonymous).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AccessRefusedError);
    expect(problemOf(missing)).toMatchObject({ status: 401, title: 'key required', rule: 'read-key-missing', service: 'indexer', detail: 'reading search needs a key: sign in (indexer: send a read key)' });
    const wrong = await client().json('indexer', '/locked', { key: 'bad-key', reading: 'search' }).catch((e: unknown) => e);
    expect(problemOf(wrong)).toMatchObject({ status: 403, title: 'key refused', rule: 'read-key-invalid', detail: 'this key cannot read search (indexer: the read key is not valid)' });
    await expect(client().json('indexer', '/locked', { key: 'good-key', reading: 'search' })).resolves.toMatchObject({ authorization: 'Bearer good-key' });
    // A proxy's HTML refusal is still a refusal, not a broken service.
    const proxied = await client().json('indexer', '/proxy-refuses', { key: 'good-key', reading: 'dead letters' }).catch((e: unknown) => e);
    expect(problemOf(proxied)).toMatchObject({ status: 403, detail: 'this key cannot read dead letters (indexer: HTTP 403)' });
  });

  it("passes a service's 4xx problem on unchanged, naming the service", async () => {
    const error = await client().json('indexer', '/refused', anonymous).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(problemOf(error)).toMatchObject({ status: 400, detail: 'radiusKm needs near', parameter: 'radiusKm', service: 'indexer' });
  });

  it('turns an unreachable, slow or broken service into a 502 naming it', async () => {
    const slow = await client().json('indexer', '/slow', anonymous).catch((e: unknown) => e);
    expect(problemOf(slow)).toMatchObject({ status: 502, service: 'indexer', detail: expect.stringContaining('no answer within 300 ms') });
    const broken = await client().json('indexer', '/broken', anonymous).catch((e: unknown) => e);
    expect(problemOf(broken)).toMatchObject({ status: 502, detail: expect.stringContaining('HTTP 500 and a body that is not JSON') });
    const closed = createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await client({ INGEST_URL: `http://127.0.0.1:${closedPort}` }).json('ingest', '/x', anonymous).catch((e: unknown) => e);
    expect(problemOf(down)).toMatchObject({ status: 502, service: 'ingest', detail: expect.stringContaining('ECONNREFUSED') });
  });
});
