import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConsoleConfig } from '../config/console.config';
import { problemOf } from '../http/problem-details.filter';
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
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: request.headers['x-correlation-id'] ?? null }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const client = (overrides: Record<string, string> = {}) => new UpstreamClient(loadConsoleConfig({ INDEXER_URL: url, UPSTREAM_TIMEOUT_MS: '300', ...overrides }));

  it('returns the JSON of a 2xx answer and null for an allowed 404', async () => {
    await expect(client().json('indexer', '/ok')).resolves.toEqual({ echo: null });
    await expect(client().json('indexer', '/missing', { allowNotFound: true })).resolves.toBeNull();
  });

  it("passes a service's 4xx problem on unchanged, naming the service", async () => {
    const error = await client().json('indexer', '/refused').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(problemOf(error)).toMatchObject({ status: 400, detail: 'radiusKm needs near', parameter: 'radiusKm', service: 'indexer' });
  });

  it('turns an unreachable, slow or broken service into a 502 naming it', async () => {
    const slow = await client().json('indexer', '/slow').catch((e: unknown) => e);
    expect(problemOf(slow)).toMatchObject({ status: 502, service: 'indexer', detail: expect.stringContaining('no answer within 300 ms') });
    const broken = await client().json('indexer', '/broken').catch((e: unknown) => e);
    expect(problemOf(broken)).toMatchObject({ status: 502, detail: expect.stringContaining('HTTP 500 and a body that is not JSON') });
    const closed = createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await client({ INGEST_URL: `http://127.0.0.1:${closedPort}` }).json('ingest', '/x').catch((e: unknown) => e);
    expect(problemOf(down)).toMatchObject({ status: 502, service: 'ingest', detail: expect.stringContaining('ECONNREFUSED') });
  });
});
