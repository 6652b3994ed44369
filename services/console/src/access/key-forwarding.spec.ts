import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { isReadKey, presentedKey, sameSecret } from '@newsflow/platform';
import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppModule } from '../app.module';
import { loadConsoleConfig } from '../config/console.config';
import { PipelineSamplerService } from '../overview/pipeline-sampler.service';

const READ_KEY = 'rk_reader-0123456789abcdef';
const ADMIN_KEY = 'nfa_admin-0123456789abcdef';
const ARTICLE_ID = '1a3f5440-0000-4000-8000-000000000001';
const HEADLINE = 'Witness Brindlewick Osterhal moved to 9 Rue Quintalon';
const PARKED = 'Informant Morvendaal Tissick exposed';

/** What the fakes are configured with, as ingest and the indexer would be: no keys = open reads. */
const upstreamKeys: { read?: string[]; admin?: string } = {};
/** Authorization headers the fakes saw, per path, so a test can tell which calls carried a key. */
const seen: Array<{ path: string; authorization?: string }> = [];

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' }).end(JSON.stringify(body));
}

/** The read-key rule of the indexer and of ingest's status (libs/platform/src/http/read-access.ts): true when the request may go on. */
function readAllowed(request: IncomingMessage, response: ServerResponse, alsoAdmin = false): boolean {
  if (!upstreamKeys.read) return true;
  const given = presentedKey(request);
  if (isReadKey(upstreamKeys.read, given) || (alsoAdmin && given && upstreamKeys.admin && sameSecret(given, upstreamKeys.admin))) return true;
  answer(response, 401, given
    ? { status: 401, detail: 'the read key is not valid', rule: 'read-key-invalid' }
    : { status: 401, detail: 'send a read key (READ_API_KEYS) as "Authorization: Bearer <key>" or "X-Api-Key"', rule: 'read-key-missing' });
  return false;
}

/** Ingest's AdminKeyGuard. */
function adminAllowed(request: IncomingMessage, response: ServerResponse): boolean {
  const given = presentedKey(request);
  if (!upstreamKeys.admin) answer(response, 401, { status: 401, detail: 'the admin API is disabled: set ADMIN_API_KEY on ingest', rule: 'admin-disabled' });
  else if (!given || !sameSecret(given, upstreamKeys.admin)) answer(response, 401, { status: 401, detail: 'a valid admin key is required', rule: 'admin-key-invalid' });
  else return true;
  return false;
}

/** A failing check's message as a service reports it: it names a host behind the console. */
let failingCheck: string | undefined;

/** /metrics and /health/ready are open on every service; they hold counts and checks only. True when answered. */
function openRoute(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.url === '/metrics') response.writeHead(200, { 'content-type': 'text/plain' }).end('newsflow_messages_produced_total 3\n');
  else if (request.url === '/health/ready' && failingCheck) answer(response, 503, { status: 'error', info: {}, error: { mongodb: { status: 'down', message: failingCheck } } });
  else if (request.url === '/health/ready') answer(response, 200, { status: 'ok', info: {}, error: {} });
  else return false;
  return true;
}

const indexer = createServer((request, response) => {
  seen.push({ path: `indexer ${request.url}`, authorization: request.headers.authorization });
  if (openRoute(request, response) || !readAllowed(request, response)) return;
  const item = { id: ARTICLE_ID, headline: HEADLINE, publishedAt: '2026-12-07T10:00:00.000Z' };
  if (request.url?.startsWith('/v1/search')) return answer(response, 200, { total: 1, items: [item], facets: { entities: [], places: [], sources: [] } });
  if (request.url === `/v1/articles/${ARTICLE_ID}`) return answer(response, 200, { version: 1, article: item });
  if (request.url === '/v1/index') return answer(response, 200, { collection: 'search_articles', articles: 1 });
  answer(response, 404, { status: 404, detail: 'no such route' });
});

const ingest = createServer((request, response) => {
  seen.push({ path: `ingest ${request.url}`, authorization: request.headers.authorization });
  if (openRoute(request, response)) return;
  if (request.url?.startsWith('/v1/admin/')) {
    if (!adminAllowed(request, response)) return;
    if (request.url.startsWith('/v1/admin/dead-letters/enricher')) {
      return answer(response, 200, { deadLetters: [{ partition: 0, offset: '4', key: ARTICLE_ID, value: PARKED, errorCode: 'CONTRACT.VIOLATION', failedAt: '2026-12-07T10:00:00.000Z' }] });
    }
    return answer(response, 404, { status: 404, detail: 'not found' });
  }
  if (!readAllowed(request, response, true)) return;
  if (request.url === `/v1/articles/${ARTICLE_ID}/status`) return answer(response, 200, { id: ARTICLE_ID, stage: 'indexed', version: 1, steps: {} });
  answer(response, 404, { status: 404, detail: 'no such route' });
});

describe('the console reads for its user with their key, never with one of its own', () => {
  let app: NestExpressApplication;
  let url: string;

  const listen = async (server: Server) => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  const get = async (path: string, key?: string) => {
    const response = await fetch(`${url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text), wwwAuthenticate: response.headers.get('www-authenticate') };
  };

  beforeAll(async () => {
    const [indexerUrl, ingestUrl] = await Promise.all([listen(indexer), listen(ingest)]);
    // Set the way the console used to be deployed (compose, the chart, npm start): both keys of its
    // own. They must not reach the services on anyone's behalf.
    const config = loadConsoleConfig({
      INDEXER_URL: indexerUrl, INGEST_URL: ingestUrl, ENRICHER_URL: ingestUrl, WEATHER_URL: ingestUrl,
      READ_API_KEY: READ_KEY, INGEST_ADMIN_API_KEY: ADMIN_KEY, CONSOLE_SAMPLE_INTERVAL_MS: '60000',
    });
    app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([indexer, ingest].map((server) => new Promise((resolve) => server.close(resolve))));
  });

  beforeEach(() => {
    upstreamKeys.read = [READ_KEY];
    upstreamKeys.admin = ADMIN_KEY;
    seen.length = 0;
  });

  const READS = ['/api/search?q=brindlewick&highlight=true', '/api/articles/recent', `/api/articles/${ARTICLE_ID}`, '/api/dead-letters/enricher'];

  it('answers 401 without a key wherever the service needs one, and hands out none of the text', async () => {
    for (const path of READS) {
      const answer = await get(path);
      expect({ path, status: answer.status, wwwAuthenticate: answer.wwwAuthenticate }).toEqual({ path, status: 401, wwwAuthenticate: 'Bearer' });
      expect(answer.text).not.toMatch(/Brindlewick|Morvendaal/);
      expect(answer.body).toMatchObject({ title: 'key required', detail: expect.stringMatching(/^reading .+ needs a key: sign in/) });
    }
    expect(seen.filter((call) => call.authorization !== undefined)).toEqual([]);
  });

  it('passes a read key on: search, recent and the article answer; dead letters are refused with 403 naming them', async () => {
    const search = await get('/api/search?q=brindlewick', READ_KEY);
    expect(search).toMatchObject({ status: 200, body: { total: 1, items: [{ headline: HEADLINE }] } });
    expect((await get('/api/articles/recent', READ_KEY)).body.items[0]).toMatchObject({ headline: HEADLINE, status: { stage: 'indexed' } });
    expect((await get(`/api/articles/${ARTICLE_ID}`, READ_KEY)).body).toMatchObject({ article: { article: { headline: HEADLINE } }, status: { stage: 'indexed' } });
    const deadLetters = await get('/api/dead-letters/enricher', READ_KEY);
    expect(deadLetters.status).toBe(403);
    expect(deadLetters.body).toMatchObject({ title: 'key refused', service: 'ingest', rule: 'admin-key-invalid', detail: 'this key cannot read dead letters (ingest: a valid admin key is required)' });
    expect(deadLetters.text).not.toContain('Morvendaal');
    expect(new Set(seen.filter((call) => !/metrics|health/.test(call.path)).map((call) => call.authorization))).toEqual(new Set([`Bearer ${READ_KEY}`]));
  });

  it("passes the admin key on: dead letters are listed, and the indexer's refusal of it for search comes back as 403", async () => {
    const deadLetters = await get('/api/dead-letters/enricher', ADMIN_KEY);
    expect(deadLetters).toMatchObject({ status: 200, body: { stage: 'enricher', deadLetters: [{ value: PARKED, errorCode: 'CONTRACT.VIOLATION' }] } });
    const search = await get('/api/search?q=brindlewick', ADMIN_KEY);
    expect(search.status).toBe(403);
    expect(search.body).toMatchObject({ service: 'indexer', rule: 'read-key-invalid', detail: 'this key cannot read search (indexer: the read key is not valid)' });
  });

  it('keeps working without a key where the services have no keys configured (a development setup)', async () => {
    upstreamKeys.read = undefined;
    expect((await get('/api/search?q=brindlewick')).status).toBe(200);
    expect((await get('/api/articles/recent')).body.items).toHaveLength(1);
    expect((await get(`/api/articles/${ARTICLE_ID}`)).status).toBe(200);
    // Ingest's admin API stays behind its key even then.
    expect((await get('/api/dead-letters/enricher')).status).toBe(401);
    expect((await get('/api/dead-letters/enricher', ADMIN_KEY)).status).toBe(200);
  });

  it('says what a key may read, as the services answer it', async () => {
    expect((await get('/api/access')).body).toEqual({ keyPresented: false, articles: false, deadLetters: false });
    expect((await get('/api/access', READ_KEY)).body).toEqual({ keyPresented: true, articles: true, deadLetters: false });
    expect((await get('/api/access', ADMIN_KEY)).body).toEqual({ keyPresented: true, articles: false, deadLetters: true });
    expect((await get('/api/access', 'not-a-key-of-anyone')).body).toEqual({ keyPresented: true, articles: false, deadLetters: false });
    upstreamKeys.read = undefined;
    upstreamKeys.admin = undefined;
    expect((await get('/api/access')).body).toEqual({ keyPresented: false, articles: true, deadLetters: false });
  });

  it('scrapes metrics and health with no key, and serves the overview to anyone: it holds no text', async () => {
    await app.get(PipelineSamplerService).sample();
    const scrapes = seen.filter((call) => /metrics|health/.test(call.path));
    expect(scrapes.length).toBeGreaterThanOrEqual(8);
    expect(scrapes.filter((call) => call.authorization !== undefined)).toEqual([]);
    const overview = await get('/api/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.stages.find((s: { stage: string }) => s.stage === 'indexer')).toMatchObject({ health: { status: 'up' }, totals: { produced: 3 } });
    expect(overview.text).not.toMatch(/Brindlewick|Morvendaal/);
  });

  it('shows service addresses and failing checks\' text only to a caller some service lets read', async () => {
    failingCheck = 'connect ECONNREFUSED 10.20.30.40:27017';
    try {
      await app.get(PipelineSamplerService).sample();
      const anonymous = await get('/api/overview');
      expect(anonymous.body.internals).toBe(false);
      expect(anonymous.text).not.toMatch(/10\.20\.30\.40|127\.0\.0\.1/);
      const ingestCard = anonymous.body.stages.find((s: { stage: string }) => s.stage === 'ingest');
      expect(ingestCard.url).toBeUndefined();
      expect(ingestCard.health).toMatchObject({ status: 'down', checks: { mongodb: 'down' }, error: 'details hidden: sign in with a key' });
      expect((await get('/api/overview', 'not-a-key-of-anyone')).body.internals).toBe(false);

      for (const key of [READ_KEY, ADMIN_KEY]) {
        const signedIn = await get('/api/overview', key);
        expect(signedIn.body.internals).toBe(true);
        const card = signedIn.body.stages.find((s: { stage: string }) => s.stage === 'ingest');
        expect(card.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(card.health.error).toBe('mongodb: connect ECONNREFUSED 10.20.30.40:27017');
      }

      // A deployment that sets no keys lets anyone read, so anyone sees the internals.
      upstreamKeys.read = undefined;
      expect((await get('/api/overview', 'any-key-at-all')).body.internals).toBe(true);
    } finally {
      failingCheck = undefined;
    }
  });
});
