import { deadLetterTopic, TOPICS } from '@newsflow/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { runScript } from '../support/run-script';
import { RunningService, ServiceName, startStages, stageEnv, stopService } from '../support/service-process';
import { ADMIN_API_KEY, createSource, submitArticle } from '../support/sources';
import { ReadMessage, TopicReader } from '../support/topic-reader';
import { mongoUriWithDatabase, requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

interface Parked { partition: number; offset: string }

/**
 * A dead-letter replay after a takedown (privacy audit F2): a story's event parked on the indexer's
 * dead-letter topic, then the story killed and purged. Replaying that message, through ingest's
 * admin API or `npm run dlq`, must leave it parked and say so, not index and publish the story
 * again; another story's parked message is replayed as before.
 *
 * Only single messages are replayed: the dead-letter topics are shared by every test of the run.
 */
describe('dead-letter replay after a takedown', () => {
  const run = unique('e2e-dlq-takedown');
  const database = run.replace(/-/g, '_');
  const services = {} as Record<ServiceName, RunningService>;
  const brokers = requireEnv('KAFKA_BROKERS').split(',');
  let weatherProvider: FakeOpenMeteo;
  let reader: TopicReader;
  let apiKey: string;
  // Words found nowhere else, so a search finds only these stories.
  const word = (prefix: string) => `${prefix}${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  const killedWord = word('killedtoken');
  const liveWord = word('livetoken');
  let killedId: string;
  let liveId: string;

  const admin = (path: string, method = 'GET', body?: object) => fetch(`${services.ingest.url}/v1/admin${path}`, {
    method, headers: { authorization: `Bearer ${ADMIN_API_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const indexed = (articleId: string, version: number) => waitFor(async () => {
    const response = await fetch(`${services.ingest.url}/v1/articles/${articleId}/status`);
    const status = response.ok ? ((await response.json()) as { version: number; stage: string }) : undefined;
    return status?.version === version && status.stage === 'indexed' ? status : undefined;
  }, { timeoutMs: 120_000, intervalMs: 300, what: `article ${articleId} v${version} indexed` });
  const onTopic = (topic: string, articleId: string) => reader.messages.filter((m) => m.topic === topic && m.key === articleId);
  const versionOf = (m: ReadMessage) => Number(m.headers['article-version']);
  const search = async (q: string) => ((await (await fetch(`${services.indexer.url}/v1/search?q=${q}`)).json()) as { total: number }).total;

  /** Parks a story's weather event as the indexer parks a message it gave up on: a fresh event id, so no inbox entry skips it. */
  const park = async (event: ReadMessage): Promise<Parked> => {
    const eventId = randomUUID();
    const producer = new Kafka({ clientId: run, brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    try {
      const [written] = await producer.send({ topic: deadLetterTopic('indexer'), acks: -1, messages: [{
        key: event.key, value: (event.value ?? '').replace(event.headers['event-id'], eventId),
        headers: { ...event.headers, 'event-id': eventId, 'dlq-original-topic': TOPICS.articleWeatherAttached, 'dlq-stage': 'indexer',
          'dlq-error-code': 'RETRIES_EXHAUSTED', 'dlq-error-message': 'search store timed out', 'dlq-failed-at': new Date().toISOString() },
      }] });
      return { partition: written.partition, offset: String(written.baseOffset) };
    } finally {
      await producer.disconnect();
    }
  };

  const weatherTopicEnds = async () => {
    const kafkaAdmin = new Kafka({ clientId: run, brokers, logLevel: logLevel.NOTHING }).admin();
    await kafkaAdmin.connect();
    try {
      return new Map((await kafkaAdmin.fetchTopicOffsets(TOPICS.articleWeatherAttached)).map((p) => [p.partition, BigInt(p.high)]));
    } finally {
      await kafkaAdmin.disconnect();
    }
  };
  /** Until the indexer's group has committed everything written to its input topic since `before`: whatever was replayed to it has been handled. */
  const indexerCaughtUp = async (before: Map<number, bigint>) => {
    const ends = await weatherTopicEnds();
    const kafkaAdmin = new Kafka({ clientId: run, brokers, logLevel: logLevel.NOTHING }).admin();
    await kafkaAdmin.connect();
    try {
      await waitFor(async () => {
        const [committed] = await kafkaAdmin.fetchOffsets({ groupId: `${run}-indexer`, topics: [TOPICS.articleWeatherAttached] });
        const at = new Map(committed.partitions.map((p) => [p.partition, BigInt(p.offset)]));
        return [...ends].every(([partition, high]) => high === (before.get(partition) ?? 0n) || (at.get(partition) ?? -1n) >= high) ? true : undefined;
      }, { timeoutMs: 60_000, intervalMs: 300, what: 'the indexer to handle everything replayed to its input topic' });
    } finally {
      await kafkaAdmin.disconnect();
    }
  };

  beforeAll(async () => {
    weatherProvider = await startFakeOpenMeteo();
    await startStages(run, stageEnv(run, weatherProvider.url, { LOG_LEVEL: 'info', SEARCH_COLLECTIONS_POLL_MS: '300' }), services);
    reader = await TopicReader.start([TOPICS.articleWeatherAttached, TOPICS.articleIndexed]);
    apiKey = await createSource(services.ingest.url, `dlq-takedown-wire-${run}`);
    const story = (item: string, headline: string, token: string) => ({ sourceItemId: `${item}-${run}`, headline: `${headline} ${token}`, language: 'en',
      body: `LEEDS (Reuters) - ${headline}, the court heard on Tuesday. ${token}.`, publishedAt: new Date(Date.now() - 3_600_000).toISOString() });
    killedId = await submitArticle(services.ingest.url, apiKey, story('killed', 'Magistrates hear Ellerbrook defamation claim', killedWord));
    liveId = await submitArticle(services.ingest.url, apiKey, story('live', 'Harbour board approves dredging plan', liveWord));
    await Promise.all([indexed(killedId, 1), indexed(liveId, 1)]);
  });

  afterAll(async () => {
    await reader?.stop();
    const exits = await Promise.all(Object.values(services).map((s) => stopService(s)));
    expect(exits.every((e) => e === 'signal SIGTERM')).toBe(true);
    await weatherProvider?.close();
  });

  it('leaves a taken-down story\'s parked event parked on the admin API and the CLI, and says so; another story\'s is replayed as before', async () => {
    const weatherEvent = (articleId: string) => reader.waitForMessage((m) => m.topic === TOPICS.articleWeatherAttached && m.key === articleId, `${articleId} on the weather topic`);
    const parkedKilled = await park(await weatherEvent(killedId));
    const parkedLive = await park(await weatherEvent(liveId));

    // The runbook's takedown: kill, wait until the kill is indexed, purge.
    expect((await admin(`/articles/${killedId}/kill`, 'POST', { reason: 'Court order 2026/0451' })).status).toBe(202);
    await indexed(killedId, 2);
    const purge = await runScript('tools/purge/cli.js', ['--article', killedId], { MONGODB_URI: mongoUriWithDatabase(database) });
    expect(purge.code).toBe(0);
    await waitFor(async () => ((await fetch(`${services.indexer.url}/v1/articles/${killedId}`)).status === 404 ? true : undefined),
      { timeoutMs: 10_000, what: 'the purged story to be gone by id' });

    const beforeReplays = await weatherTopicEnds();
    const byApi = await admin('/dead-letters/indexer/replay', 'POST', parkedKilled);
    const byCli = await runScript('tools/dlq/cli.js', ['replay', '--stage', 'indexer', '--partition', String(parkedKilled.partition), '--offset', parkedKilled.offset],
      { MONGODB_URI: mongoUriWithDatabase(database) });
    const liveReplay = await admin('/dead-letters/indexer/replay', 'POST', parkedLive);

    // The other story's replay goes through: the indexer indexes it again and publishes it again.
    await waitFor(() => (onTopic(TOPICS.articleIndexed, liveId).length >= 2 ? true : undefined), { timeoutMs: 60_000, what: 'the replayed story on the final topic again' });
    await indexerCaughtUp(beforeReplays);
    // The taken-down story did not come back: only its v1 and the kill on the final topic, nothing by id, nothing in search.
    expect(onTopic(TOPICS.articleIndexed, killedId).map(versionOf)).toEqual([1, 2]);
    expect((await fetch(`${services.indexer.url}/v1/articles/${killedId}`)).status).toBe(404);
    expect((await fetch(`${services.indexer.url}/v1/articles/${killedId}?version=1`)).status).toBe(404);
    expect(await search(killedWord)).toBe(0);
    expect(await search(liveWord)).toBe(1);

    const skipped = { partition: parkedKilled.partition, offset: parkedKilled.offset, key: killedId, articleId: killedId, reason: 'taken-down' };
    expect(byApi.status).toBe(201);
    expect(await byApi.json()).toEqual({ stage: 'indexer', replayed: 0, skipped: [skipped] });
    expect(byCli.code).toBe(0);
    expect(byCli.output).toContain(`skipped ${parkedKilled.partition}:${parkedKilled.offset}\t${killedId}\tarticle ${killedId}\ttaken-down`);
    expect(byCli.output).toMatch(/replayed 0 message\(s\) from indexer; skipped 1 whose article is taken down \(left parked\)/);
    expect(await liveReplay.json()).toEqual({ stage: 'indexer', replayed: 1, skipped: [] });
    // Still parked, for the operator to purge with the rest.
    expect((await admin(`/dead-letters/indexer/${parkedKilled.partition}/${parkedKilled.offset}`)).status).toBe(200);
  });

  it('replays nothing from the CLI when the takedown list cannot be read', async () => {
    const refused = await runScript('tools/dlq/cli.js', ['replay', '--stage', 'indexer', '--partition', '0', '--offset', '0'],
      { MONGODB_URI: 'mongodb://127.0.0.1:1/newsflow' });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/nothing was replayed: the takedown list \(ingest_takedowns at mongodb:\/\/127\.0\.0\.1:1\/newsflow\) cannot be read/);
  });
});
