import { ArticleWeatherAttachedPayload, TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { RunningService, startService, stopService } from '../support/service-process';
import { mongoUriWithDatabase, requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

interface Hit {
  id: string;
  headline: string;
  publishedAt: string;
  releasedAt: string;
  expiresAt?: string;
  indexedAt: string;
}
interface SearchBody {
  total: number;
  items: Hit[];
  facets: { sources: { id: string; count: number }[] };
}

/**
 * The source's expiry with a real indexer: an article listed and served by id stops being either at
 * its `expiresAt`, by the clock alone (no event arrives), and stays gone after a restart, when the
 * index is loaded from MongoDB. Hits carry their release time, and a story released from embargo
 * sorts at its release.
 */
describe('indexer: expiry and release times', () => {
  const run = unique('e2e-expiry');
  const database = run.replace(/-/g, '_');
  const term = `expiry${run.slice(-10).replace(/[^a-z0-9]/gi, '')}`;
  const env = { MONGODB_URI: mongoUriWithDatabase(database), KAFKA_GROUP_ID: run, LOG_LEVEL: 'info' };
  let connection: Connection;
  let producer: Producer;
  let indexer: RunningService;

  const payload = (headline: string, fields: Partial<ArticleWeatherAttachedPayload['article']>): ArticleWeatherAttachedPayload => ({
    article: makeArticle({ headline: `${headline} ${term}`, body: `A story about ${term}.`, ...fields }),
    enrichment: { status: 'enriched', language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: new Date().toISOString() },
    weather: { status: 'no-location' },
  });
  const publish = (payloads: ArticleWeatherAttachedPayload[]) => producer.send({
    topic: TOPICS.articleWeatherAttached, acks: -1,
    messages: payloads.map((p) => ({ key: p.article.id, value: JSON.stringify(makeEnvelope(TOPICS.articleWeatherAttached, p)) })),
  });
  const search = async (query: string): Promise<SearchBody> => {
    const response = await fetch(`${indexer.url}/v1/search?q=${term}&${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SearchBody;
  };
  const read = async (path: string) => {
    const response = await fetch(`${indexer.url}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUriWithDatabase(database)).asPromise();
    producer = new Kafka({ clientId: run, brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    indexer = await startService('indexer', env);
  });

  afterAll(async () => {
    if (indexer) await stopService(indexer);
    await producer?.disconnect();
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('stops listing and serving an article at its expiry, with no new event, and after a restart', async () => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    // Long enough for the indexer to take it and the test to see it listed first.
    const expiresAt = iso(now + 20_000);
    const licensed = payload('Licensed feature', { publishedAt: iso(now - 10_000), expiresAt, source: { id: 'licensed-wire', name: 'Licensed Wire' } });
    const own = payload('Own story', { publishedAt: iso(now - 60 * 60_000) });
    // Written two hours ago, released a minute ago: newer than the story published an hour ago.
    const released = payload('Budget released', { publishedAt: iso(now - 2 * 60 * 60_000), embargoedUntil: iso(now - 60_000) });
    await publish([licensed, own, released]);

    const before = await waitFor(async () => {
      const body = await search('sort=time');
      return body.total === 3 ? body : undefined;
    }, { timeoutMs: 60_000, what: 'the three articles to be listed' });
    expect(Date.now()).toBeLessThan(Date.parse(expiresAt));
    expect(before.items.map((h) => h.headline.replace(` ${term}`, ''))).toEqual(['Licensed feature', 'Budget released', 'Own story']);
    const budget = before.items[1];
    expect(budget).toMatchObject({ publishedAt: released.article.publishedAt, releasedAt: released.article.embargoedUntil });
    expect(before.items[0]).toMatchObject({ expiresAt, releasedAt: before.items[0].publishedAt });
    expect(before.facets.sources.map((s) => s.id).sort()).toEqual(['licensed-wire', 'test-wire']);
    expect((await read(`/v1/articles/${licensed.article.id}`)).status).toBe(200);
    expect((await read(`/v1/articles/${licensed.article.id}?version=1`)).status).toBe(200);

    const after = await waitFor(async () => {
      const body = await search('sort=time');
      return body.total === 2 ? body : undefined;
    }, { timeoutMs: 60_000, intervalMs: 500, what: 'the licensed article to drop out at its expiry' });
    const expiredAt = Date.parse(expiresAt);
    expect(Date.now()).toBeGreaterThanOrEqual(expiredAt);
    expect(after.items.map((h) => h.id)).toEqual([released.article.id, own.article.id]);
    expect(after.facets.sources).toEqual([{ id: 'test-wire', count: 2 }]);
    for (const path of [`/v1/articles/${licensed.article.id}`, `/v1/articles/${licensed.article.id}?version=1`]) {
      const refused = await read(path);
      expect(refused).toMatchObject({ status: 410, body: { rule: 'expired', expiresAt, error: 'ARTICLE.EXPIRED' } });
      expect(refused.type).toMatch(/^application\/problem\+json/);
    }

    // Loaded from MongoDB after its expiry: never listed again.
    await stopService(indexer);
    indexer = await startService('indexer', env);
    const reloaded = await search('sort=time');
    expect(reloaded.items.map((h) => h.id)).toEqual([released.article.id, own.article.id]);
    expect((await read(`/v1/articles/${licensed.article.id}`)).status).toBe(410);
    // The article stays stored and on the final topic with its expiresAt: consumers honour it there.
    expect(await connection.collection('search_articles').countDocuments({ _id: licensed.article.id as never })).toBe(1);
  });
});
