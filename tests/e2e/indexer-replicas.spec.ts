import { ArticleWeatherAttachedPayload, TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { RunningService, startService, stopService } from '../support/service-process';
import { mongoUriWithDatabase, requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

const ARTICLES = 60;

/**
 * Two indexer processes in one consumer group split the input's partitions, and each still answers
 * searches over every article, because each follows the final topic under a group of its own.
 */
describe('indexer replicas', () => {
  const run = unique('e2e-replicas');
  const database = run.replace(/-/g, '_');
  const term = `replica${run.slice(-10)}`;
  let connection: Connection;
  let producer: Producer;
  const indexers: RunningService[] = [];

  const publish = (payloads: ArticleWeatherAttachedPayload[]) => producer.send({
    topic: TOPICS.articleWeatherAttached, acks: -1,
    messages: payloads.map((p) => ({ key: p.article.id, value: JSON.stringify(makeEnvelope(TOPICS.articleWeatherAttached, p)) })),
  });
  const payload = (n: number, version = 1, id?: string): ArticleWeatherAttachedPayload => ({
    article: makeArticle({ ...(id ? { id } : {}), version, headline: `${version > 1 ? `Corrected ${term}fix` : 'Original'} ${term} story ${n}`, body: `Story ${n} about ${term}.` }),
    enrichment: { status: 'enriched', language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: new Date().toISOString() },
    weather: { status: 'no-location' },
  });
  const search = async (indexer: RunningService, q: string, weather?: string) => {
    const response = await fetch(`${indexer.url}/v1/search?q=${encodeURIComponent(q)}&limit=1${weather ? `&weather=${weather}` : ''}`);
    return ((await response.json()) as { total: number }).total;
  };
  const consumed = async (indexer: RunningService) => {
    const text = await (await fetch(`${indexer.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('newsflow_messages_consumed_total') && l.includes(`topic="${TOPICS.articleWeatherAttached}"`));
    return Number(line?.split(' ').pop() ?? 0);
  };

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUriWithDatabase(database)).asPromise();
    producer = new Kafka({ clientId: run, brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const env = { MONGODB_URI: mongoUriWithDatabase(database), KAFKA_GROUP_ID: run, LOG_LEVEL: 'info' };
    indexers.push(await startService('indexer', env));
    indexers.push(await startService('indexer', env));
  });

  afterAll(async () => {
    await Promise.all(indexers.map((i) => stopService(i)));
    await producer?.disconnect();
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('split the work, and each replica finds every article and every newer version', async () => {
    const originals = Array.from({ length: ARTICLES }, (_, n) => payload(n));
    // Until the group has settled on both members, one of them may hold every partition.
    await waitFor(async () => {
      await publish(originals.splice(0, 5));
      const counts = await Promise.all(indexers.map(consumed));
      return counts.every((c) => c > 0) || originals.length === 0 ? true : undefined;
    }, { timeoutMs: 120_000, intervalMs: 1000, what: 'both replicas to consume part of the input' });
    await publish(originals);

    for (const indexer of indexers) {
      await waitFor(async () => ((await search(indexer, term)) === ARTICLES ? true : undefined),
        { timeoutMs: 60_000, what: `${indexer.url} to find all ${ARTICLES} articles` });
    }
    const counts = await Promise.all(indexers.map(consumed));
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ARTICLES);

    const ids = (await connection.collection('search_articles').find({}, { projection: { _id: 1 } }).limit(10).toArray()).map((d) => String(d._id));
    await publish(ids.map((id, n) => payload(n, 2, id)));
    for (const indexer of indexers) {
      await waitFor(async () => ((await search(indexer, `${term}fix`)) === ids.length ? true : undefined),
        { timeoutMs: 60_000, what: `${indexer.url} to find the ${ids.length} corrected versions` });
      expect(await search(indexer, term)).toBe(ARTICLES);
    }
  });

  it('each replica takes the weather a backfill brings to a version it already holds', async () => {
    const late = `${term}late`;
    const waiting = Array.from({ length: 10 }, (_, n) => {
      const p = payload(n);
      return { ...p, article: { ...p.article, headline: `Storm ${late} ${n}` }, weather: { status: 'unavailable' as const, reason: 'WEATHER.UPSTREAM_HTTP: HTTP 503' } };
    });
    await publish(waiting);
    for (const indexer of indexers) {
      await waitFor(async () => ((await search(indexer, late, 'unavailable')) === waiting.length ? true : undefined),
        { timeoutMs: 60_000, what: `${indexer.url} to find the articles still waiting for weather` });
    }
    const backfilledAt = new Date().toISOString();
    await publish(waiting.map((p) => ({
      ...p,
      weather: { status: 'attached' as const, kind: 'forecast' as const, daily: [], provider: 'open-meteo', fetchedAt: backfilledAt, backfilledAt },
    })));
    // Each replica wrote only some of them; the others reach it through the final topic, at the same version.
    for (const indexer of indexers) {
      await waitFor(async () => ((await search(indexer, late, 'attached')) === waiting.length ? true : undefined),
        { timeoutMs: 60_000, what: `${indexer.url} to show the backfilled weather of all ${waiting.length}` });
      expect(await search(indexer, late, 'unavailable')).toBe(0);
    }
  });
});
