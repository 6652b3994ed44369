import { TOPICS } from '@newsflow/contracts';
import { Kafka, logLevel, Producer } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { RunningService, SERVICES, ServiceName, startService, stopService } from '../support/service-process';
import { ADMIN_API_KEY, createSource } from '../support/sources';
import { TopicReader } from '../support/topic-reader';
import { mongoUriWithDatabase } from '../support/unique';
import { waitFor } from '../support/wait-for';
import { streamArticles } from './fault/article-stream';
import { FaultInfra, InfraServer } from './fault/fault-infra';
import { ScenarioResult, writeFaultReport } from './fault/fault-report';
import { DEAD_LETTER_TOPICS, deadLetterCheck, finalTopicState, indexState, POISON_TARGETS } from './fault/pipeline-check';

/**
 * Every fault the issue names, one after another, while articles stream in through ingest's HTTP
 * API; after each, the indexer's documents, the final topic and the dead-letter topics are compared
 * with what ingest acknowledged. FAULT_ARTICLES scales the stream per scenario (CI default below),
 * FAULT_OUTAGE_SECONDS the Redis and weather-provider outages.
 */
const ARTICLES = Number(process.env.FAULT_ARTICLES ?? 150);
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_SECONDS ?? 30) * 1000;
/** The stream is paced to last about this long, so every fault lands while articles still arrive. */
const STREAM_MS = Number(process.env.FAULT_STREAM_SECONDS ?? 20) * 1000;
const BATCH = 10;
/** Bounds a failing run; a healthy one at the CI default recovers in well under a minute. */
const RECOVERY_TIMEOUT_MS = Math.max(4 * 60_000, ARTICLES * 100);
const DATABASE = 'newsflow_fault';

jest.setTimeout(30 * 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Handed to each fault: resolves once the stream has had `fraction` of the scenario's articles accepted. */
type Fault = (reached: (fraction: number) => Promise<void>) => Promise<string | void>;

describe('delivery under faults (own Kafka, FerretDB and Redis)', () => {
  const infra = new FaultInfra();
  const services = {} as Record<ServiceName, RunningService>;
  const results: ScenarioResult[] = [];
  const poison = new Map<string, string>();
  let serviceEnv: Record<string, string>;
  let provider: FakeOpenMeteo;
  let reader: TopicReader;
  let connection: Connection;
  let producer: Producer;

  const start = async (name: ServiceName) => (services[name] = await startService(name, serviceEnv));

  beforeAll(async () => {
    await infra.start();
    provider = await startFakeOpenMeteo();
    serviceEnv = {
      ...infra.env,
      MONGODB_URI: mongoUriWithDatabase(DATABASE),
      KAFKA_FROM_BEGINNING: 'true',
      LOG_LEVEL: 'info',
      ADMIN_API_KEY,
      OPEN_METEO_BASE_URL: provider.url,
      OPEN_METEO_ARCHIVE_BASE_URL: provider.url,
      SHUTDOWN_TIMEOUT_MS: '20000',
      // Current conditions expire within the scenario, so the provider outage meets real lookups instead of a warm cache.
      WEATHER_CACHE_CURRENT_TTL_S: '5',
    };
    // Sequentially: the first start creates the topics, and four JVM-less starts at once starve 2 cores.
    for (const name of SERVICES) await start(name);
    reader = await TopicReader.start([TOPICS.articleIndexed, ...DEAD_LETTER_TOPICS]);
    connection = await mongoose.createConnection(mongoUriWithDatabase(DATABASE), { serverSelectionTimeoutMS: 60_000 }).asPromise();
    producer = new Kafka({ clientId: 'fault-poison', brokers: infra.env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    if (results.length > 0) {
      const table = writeFaultReport(results, { FAULT_ARTICLES: ARTICLES, FAULT_OUTAGE_SECONDS: OUTAGE_MS / 1000, FAULT_STREAM_SECONDS: STREAM_MS / 1000 });
      console.log(`\nFault injection (${ARTICLES} articles per scenario):\n${table}\n`);
    }
    await producer?.disconnect().catch(() => undefined);
    await reader?.stop().catch(() => undefined);
    await connection?.close().catch(() => undefined);
    await Promise.all(Object.values(services).map((s) => stopService(s).catch(() => undefined)));
    await provider?.close();
    await infra.stop();
  });

  /**
   * Streams the scenario's articles, runs `fault` once a quarter of them is in (or later, where it
   * waits for more), then waits until every accepted article is indexed and on the final topic, and
   * records the row of the report. Time to recover counts from the end of the fault, or from the
   * last acknowledged article when the stream outlasts the fault.
   */
  async function runScenario(scenario: string, fault: Fault): Promise<ScenarioResult> {
    const source = `fault-${scenario}`;
    const apiKey = await createSource(services.ingest.url, source, { rateLimitPerMinute: 1_000_000 });
    let sent = 0;
    const waiting: Array<{ count: number; resolve: () => void }> = [];
    const reached = (fraction: number) => new Promise<void>((resolve) => {
      const count = Math.ceil(ARTICLES * fraction);
      if (sent >= count) resolve();
      else waiting.push({ count, resolve });
    });
    const quarter = reached(0.25);
    const stream = streamArticles({
      ingestUrl: () => services.ingest.url, apiKey, prefix: source, count: ARTICLES, batchSize: BATCH,
      pauseMs: Math.round(STREAM_MS / Math.ceil(ARTICLES / BATCH)),
      onProgress: (n) => {
        sent = n;
        waiting.filter((w) => w.count <= sent).forEach((w) => w.resolve());
      },
    }).then((result) => ({ ...result, endedAt: Date.now() }));
    await quarter;
    const notes = (await fault(reached)) ?? '';
    const faultEnded = Date.now();
    const { accepted, retries, endedAt } = await stream;
    // Watched on the final topic (in memory): the indexer publishes only what it stored, and polling
    // MongoDB meanwhile would scan its collections every second, slowing the pipeline under test.
    await waitFor(() => (finalTopicState(reader, accepted).missing.length === 0 ? true : undefined),
      { timeoutMs: RECOVERY_TIMEOUT_MS, intervalMs: 500, what: `every accepted article of ${scenario} on ${TOPICS.articleIndexed}` })
      .catch(() => undefined);
    const recoverSeconds = Math.round((Date.now() - Math.max(faultEnded, endedAt)) / 100) / 10;
    let state = await indexState(connection, source, accepted);
    if (state.missing.length > 0) {
      await waitFor(async () => {
        state = await indexState(connection, source, accepted).catch(() => state);
        return state.missing.length === 0 ? true : undefined;
      }, { timeoutMs: 60_000, intervalMs: 5000, what: `every accepted article of ${scenario} in MongoDB` }).catch(() => undefined);
    }
    const final = finalTopicState(reader, accepted);
    const letters = deadLetterCheck(reader, poison);
    const row: ScenarioResult = {
      scenario, sent: ARTICLES, accepted: accepted.size, indexed: state.indexed.size,
      deadLettered: letters.count, duplicates: state.duplicates, finalTopicRepeats: final.repeats,
      missing: new Set([...state.missing, ...final.missing]).size, unexpected: state.unexpected + letters.unexpected.length,
      recoverSeconds, notes: [notes, `${retries} client resends`].filter(Boolean).join('; '),
    };
    results.push(row);
    console.log(`[fault] ${JSON.stringify(row)}`);
    // Every story was acknowledged (the client resends until it is); each is indexed exactly once, on the final topic, and not dead-lettered.
    expect(accepted.size).toBe(ARTICLES);
    expect({ missingInIndex: state.missing, missingOnFinalTopic: final.missing, duplicates: state.duplicates, unexpectedDocuments: state.unexpected })
      .toEqual({ missingInIndex: [], missingOnFinalTopic: [], duplicates: 0, unexpectedDocuments: 0 });
    expect(letters.unexpected.map((m) => `${m.topic} ${m.key} ${m.headers['dlq-error-code']}: ${m.headers['dlq-error-message']}`)).toEqual([]);
    return row;
  }

  /** A fault that stops one of the suite's servers, keeps it down `downMs` longer, and starts it again. */
  const outage = (server: InfraServer, label: string, downMs = 0): Fault => async () => {
    const stoppedAt = Date.now();
    await infra.stopServer(server);
    await sleep(downMs);
    await infra.startServer(server);
    return `${label} down ${seconds(Date.now() - stoppedAt)}`;
  };

  it('survives kill -9 of each service mid-stream', async () => {
    await runScenario('kill-9', async (reached) => {
      // Spread over the stream, each restarted at once without waiting for the others: every kill
      // lands while articles still arrive (a restart takes longer than the whole stream on 2 cores).
      const restarts = (['enricher', 'weather', 'indexer', 'ingest'] as const).map(async (name, i) => {
        await reached(0.25 + i * 0.15);
        const killedAt = Date.now();
        services[name].process.kill('SIGKILL');
        await new Promise((resolve) => services[name].process.once('exit', resolve));
        await start(name);
        return `${name} down ${seconds(Date.now() - killedAt)}`;
      });
      return (await Promise.all(restarts)).join(', ');
    });
  });

  it('survives a restart of the Kafka broker', async () => {
    await runScenario('kafka-restart', outage('kafka', 'broker'));
  });

  it('survives a restart of the MongoDB endpoint (FerretDB)', async () => {
    await runScenario('mongodb-restart', outage('ferretdb', 'FerretDB'));
  });

  it('survives Redis being stopped for the outage period', async () => {
    await runScenario('redis-stopped', outage('redis', 'Redis', OUTAGE_MS));
  });

  it('survives the weather provider failing for the outage period', async () => {
    let failedRequests = 0;
    await runScenario('weather-provider-failing', async () => {
      const before = provider.requests.count;
      provider.setFailure('http-500');
      await sleep(OUTAGE_MS);
      provider.setFailure('none');
      failedRequests = provider.requests.count - before;
      return `${failedRequests} provider requests answered 500 during ${seconds(OUTAGE_MS)}`;
    });
    // Otherwise the outage met only cached weather and proved nothing.
    expect(failedRequests).toBeGreaterThan(0);
  });

  it('parks 1% poison on each stage input in that stage\'s dead-letter topic, and nothing else', async () => {
    const perStage = Math.max(1, Math.round(ARTICLES / 100));
    await runScenario('poison-1pct', async () => {
      for (const { stage, topic } of POISON_TARGETS) {
        const messages = Array.from({ length: perStage }, (_, i) => {
          const key = `poison-${stage}-${i}`;
          poison.set(key, topic);
          // Alternately not JSON at all, and JSON that breaks the topic's contract.
          return { key, value: i % 2 === 0 ? `{not json ${key}` : JSON.stringify({ eventId: key, type: 'article.received', payload: {} }) };
        });
        await producer.send({ topic, acks: -1, messages });
      }
    });
    const letters = await waitFor(() => {
      const check = deadLetterCheck(reader, poison);
      return check.missing.length === 0 ? check : undefined;
    }, { timeoutMs: RECOVERY_TIMEOUT_MS, what: 'every poison message on its dead-letter topics' });
    expect(letters.withoutReason).toEqual([]);
    expect(letters.unexpected).toEqual([]);
    results[results.length - 1].deadLettered = letters.count;
  });
});
