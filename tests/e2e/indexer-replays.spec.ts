import { ArticleWeatherAttachedPayload, TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { Admin, Kafka, logLevel, Producer } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { hostname } from 'node:os';
import { runScript } from '../support/run-script';
import { freePort, RunningService, startService, stopService } from '../support/service-process';
import { TopicReader } from '../support/topic-reader';
import { mongoUriWithDatabase, requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

type Weather = ArticleWeatherAttachedPayload['weather'];
interface Hit { id: string; version: number }

/**
 * What two indexer replicas must not take back from old events, and the one they must take:
 * a replica that was down during a purge replays the final topic from its follow group's offsets
 * when it comes back; a version parked or queued before a kill and a purge is sent down the pipeline
 * again; and the weather stage republishes an embargoed version at its release with fresh weather.
 * The events are published onto the weather topic directly, as the indexer consumes them.
 */
describe('indexer replicas and replayed events', () => {
  const run = unique('e2e-replays');
  const database = run.replace(/-/g, '_');
  const uri = mongoUriWithDatabase(database);
  const term = `replay${run.slice(-10).replace(/[^a-z0-9]/gi, '')}`;
  const env = { MONGODB_URI: uri, KAFKA_GROUP_ID: run, LOG_LEVEL: 'info', SEARCH_COLLECTIONS_POLL_MS: '300' };
  let connection: Connection;
  let producer: Producer;
  let admin: Admin;
  let reader: TopicReader;
  let first: RunningService;
  let second: RunningService;
  let secondPort: number;

  const payload = (words: string, options: { id?: string; version?: number; receivedAt?: string; weather?: Weather; article?: Record<string, unknown> } = {}): ArticleWeatherAttachedPayload => ({
    article: makeArticle({
      ...(options.id ? { id: options.id } : {}), version: options.version ?? 1, headline: `${words} ${term}`, body: `A story about ${words} and ${term}.`,
      receivedAt: options.receivedAt ?? new Date().toISOString(), ...options.article,
    }),
    enrichment: { status: 'enriched', language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: new Date().toISOString() },
    weather: options.weather ?? { status: 'no-location' },
  });
  // A new event id each time: a replay the inbox does not know (its keys last 7 days, a parked message 30).
  const publish = (payloads: ArticleWeatherAttachedPayload[]) => producer.send({
    topic: TOPICS.articleWeatherAttached, acks: -1,
    messages: payloads.map((p) => ({ key: p.article.id, value: JSON.stringify(makeEnvelope(TOPICS.articleWeatherAttached, p)) })),
  });
  const hits = async (indexer: RunningService, q: string, extra = '') => {
    const response = await fetch(`${indexer.url}/v1/search?q=${encodeURIComponent(q)}&limit=100${extra}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Hit[] }).items.map((h) => `${h.id}:${h.version}`).sort();
  };
  const byId = async (indexer: RunningService, id: string) => {
    const response = await fetch(`${indexer.url}/v1/articles/${id}`);
    return { status: response.status, body: response.ok ? ((await response.json()) as { weather: Weather & { backfilledAt?: string; fetchedAt?: string } }) : undefined };
  };
  const metric = async (indexer: RunningService, name: string, label: string) => {
    const text = await (await fetch(`${indexer.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(name) && l.includes(label));
    return Number(line?.split(' ').pop() ?? 0);
  };
  const consumedByBoth = async () =>
    (await metric(first, 'newsflow_messages_consumed_total', `topic="${TOPICS.articleWeatherAttached}"`))
    + (await metric(second, 'newsflow_messages_consumed_total', `topic="${TOPICS.articleWeatherAttached}"`));
  /** Publishes and waits until one of the replicas has handled it (consumed: stored, or skipped, or refused). */
  const publishHandled = async (payloads: ArticleWeatherAttachedPayload[]) => {
    const before = await consumedByBoth();
    await publish(payloads);
    await waitFor(async () => ((await consumedByBoth()) >= before + payloads.length ? true : undefined), { timeoutMs: 30_000, what: 'the replicas to handle the events' });
  };
  const listedOnBoth = (q: string, expected: string[], what: string, extra = '') => Promise.all([first, second].map((indexer) =>
    waitFor(async () => (JSON.stringify(await hits(indexer, q, extra)) === JSON.stringify([...expected].sort()) ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 300, what: `${indexer.url}: ${what}` })));
  const indexedEvents = (id: string) => reader.messages
    .filter((m) => m.topic === TOPICS.articleIndexed && m.key === id)
    .map((m) => JSON.parse(m.value ?? '{}') as { articleVersion: number; payload: { weather: { backfilledAt?: string } } });
  const purge = async (ids: string[]) => {
    const result = await runScript('tools/purge/cli.js', ids.flatMap((id) => ['--article', id]), { MONGODB_URI: uri, PURGE_SUMMARY_JSON: '1' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.output.trim().split('\n').pop() ?? '{}')).toMatchObject({ articles: ids.length });
  };
  /**
   * Whether a replica's follow group has committed the final topic up to its end (so what it
   * replays is applied). `committedEverywhere`: on every partition, else a partition it never
   * committed on counts too (a group without an offset there starts at the end: nothing to replay).
   */
  const followCommitted = async (port: number, committedEverywhere: boolean) => {
    const ends = await admin.fetchTopicOffsets(TOPICS.articleIndexed);
    const [committed] = await admin.fetchOffsets({ groupId: `${run}.follow.${hostname()}.${port}`, topics: [TOPICS.articleIndexed] });
    return ends.every((end) => {
      const offset = Number(committed.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
      return offset >= Number(end.high) || (!committedEverywhere && offset === -1);
    });
  };

  beforeAll(async () => {
    connection = await mongoose.createConnection(uri).asPromise();
    const kafka = new Kafka({ clientId: run, brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    admin = kafka.admin();
    await admin.connect();
    secondPort = await freePort();
    first = await startService('indexer', env);
    second = await startService('indexer', env, { port: secondPort });
    // The services create the topics.
    reader = await TopicReader.start([TOPICS.articleIndexed]);
  });

  afterAll(async () => {
    await Promise.all([first, second].filter(Boolean).map((i) => stopService(i)));
    await reader?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('a replica down during a purge never lists the purged stories again when it comes back, and takes one submitted again', async () => {
    // Both replicas in the group, and the second's follow group committed on every partition (so
    // that, back from a stop, it resumes there rather than at the end).
    const fillers: string[] = [];
    await waitFor(async () => {
      const counts = await Promise.all([first, second].map((i) => metric(i, 'newsflow_messages_consumed_total', `topic="${TOPICS.articleWeatherAttached}"`)));
      if (counts.every((c) => c > 0) && (await followCommitted(secondPort, true))) return true;
      if (fillers.length < 60) {
        const batch = Array.from({ length: 3 }, (_, n) => payload(`filler ${fillers.length + n}`));
        fillers.push(...batch.map((p) => `${p.article.id}:1`));
        await publish(batch);
      }
      return undefined;
    }, { timeoutMs: 120_000, intervalMs: 1000, what: 'both replicas to consume part of the input, and the second to follow every partition' });
    await listedOnBoth('filler', fillers, 'every filler listed');

    await stopService(second);
    const secrets = Array.from({ length: 4 }, (_, n) => payload(`secret witness ${n}`));
    const secretIds = secrets.map((p) => p.article.id);
    await publish(secrets);
    await waitFor(async () => ((await hits(first, 'secret')).length === 4 ? true : undefined), { timeoutMs: 60_000, what: 'the running replica to list the stories' });
    await purge(secretIds);
    await waitFor(async () => ((await hits(first, 'secret')).length === 0 ? true : undefined), { timeoutMs: 10_000, what: 'the running replica to drop the purged stories' });

    // Back as the same instance: its follow group resumes before the versions purged meanwhile.
    second = await startService('indexer', env, { port: secondPort });
    await waitFor(async () => ((await followCommitted(secondPort, false)) ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 500, what: 'the restarted replica to follow the final topic to its end' });
    expect(await hits(second, 'secret')).toEqual([]);
    expect(await hits(second, 'witness')).toEqual([]);
    for (const id of secretIds) expect((await byId(second, id)).status).toBe(404);
    expect(await metric(second, 'newsflow_indexer_purged_versions_refused_total', 'path="followed"')).toBeGreaterThanOrEqual(4);

    // Submitted again after its purge: a new story, version 1, listed by both.
    const again = payload('secret witness 0 resubmitted', { id: secretIds[0] });
    await publish([again]);
    await listedOnBoth('secret', [`${secretIds[0]}:1`], 'the resubmitted story listed');
    expect((await byId(second, secretIds[0])).status).toBe(200);
  });

  it('a version replayed after a kill is stale, and after the kill and a purge it is refused: not stored, listed or published', async () => {
    const v1 = payload('informant exposed', { receivedAt: new Date(Date.now() - 60_000).toISOString() });
    const id = v1.article.id;
    await publish([v1]);
    await listedOnBoth('informant', [`${id}:1`], 'the story listed');
    const kill = payload('Story withdrawn', { id, version: 2, article: { pubStatus: 'canceled', body: 'This story was withdrawn.' } });
    await publish([kill]);
    await listedOnBoth('informant', [], 'the killed story unlisted');
    await waitFor(async () => ((await byId(first, id)).status === 410 ? true : undefined), { timeoutMs: 30_000, what: 'the kill stored' });

    // Killed, not purged: the stored kill is newer, so the replay is stale.
    await publishHandled([v1]);
    expect((await byId(first, id)).status).toBe(410);
    expect(await hits(first, 'informant')).toEqual([]);
    expect(await hits(second, 'informant')).toEqual([]);

    // Purged: nothing stored is newer any more; the purge log still refuses it. A listed story purged
    // with it tells when each replica has read that purge (at its next poll of the log).
    const canary = payload('informant canary');
    await publish([canary]);
    await listedOnBoth('canary', [`${canary.article.id}:1`], 'the canary listed');
    await purge([id, canary.article.id]);
    expect((await byId(first, id)).status).toBe(404);
    await listedOnBoth('canary', [], 'the purge read');
    await publishHandled([v1]);
    for (const indexer of [first, second]) {
      expect((await byId(indexer, id)).status).toBe(404);
      expect(await hits(indexer, 'informant')).toEqual([]);
    }
    expect(await connection.collection('search_articles').countDocuments({ _id: id as never })).toBe(0);
    await reader.waitUntilCaughtUp(TOPICS.articleIndexed);
    expect(indexedEvents(id).map((e) => e.articleVersion)).toEqual([1, 2]);
    const refused = await Promise.all([first, second].map((i) => metric(i, 'newsflow_indexer_purged_versions_refused_total', 'path="consumed"')));
    expect(refused.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
  });

  it('takes an embargoed story\'s weather refreshed at its release, on both replicas, in the store and once on the final topic; an old event does not take it back', async () => {
    const releasedAt = Date.now() + 3000;
    const forecast = { status: 'attached', kind: 'forecast', provider: 'open-meteo', fetchedAt: new Date().toISOString(), daily: [] } as unknown as Weather;
    const embargoed = payload('summit communique', { weather: forecast, article: { embargoedUntil: new Date(releasedAt).toISOString() } });
    const id = embargoed.article.id;
    await publishHandled([embargoed]);
    await waitFor(async () => (Date.now() > releasedAt + 500 ? true : undefined), { timeoutMs: 10_000, intervalMs: 100, what: 'the embargo to end' });
    await listedOnBoth('communique', [`${id}:1`], 'the released story listed');

    // At the release the weather stage republishes the same version with fresh weather.
    const refreshedAt = new Date().toISOString();
    const refreshed = { ...embargoed, weather: { ...forecast, fetchedAt: refreshedAt, backfilledAt: refreshedAt } as Weather };
    await publishHandled([refreshed]);
    // Every replica counts it as changed since before the refresh, the one that consumed it and the one that followed it.
    await listedOnBoth('communique', [`${id}:1`], 'the refreshed story among the changes', `&indexedSince=${encodeURIComponent(refreshedAt)}`);
    for (const indexer of [first, second]) expect((await byId(indexer, id)).body?.weather).toMatchObject({ fetchedAt: refreshedAt, backfilledAt: refreshedAt });

    // The pre-release event again (a replay): neither stored nor published; the refresh stays.
    await publishHandled([embargoed]);
    expect((await byId(first, id)).body?.weather).toMatchObject({ backfilledAt: refreshedAt });
    await reader.waitUntilCaughtUp(TOPICS.articleIndexed);
    expect(indexedEvents(id).map((e) => e.payload.weather.backfilledAt ?? null)).toEqual([null, refreshedAt]);
    for (const indexer of [first, second]) expect((await byId(indexer, id)).body?.weather).toMatchObject({ fetchedAt: refreshedAt });
  });
});
