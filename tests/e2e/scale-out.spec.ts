import { TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { Admin, AssignerProtocol, Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import mongoose from 'mongoose';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { REPO_ROOT, RunningService, startService, stopService } from '../support/service-process';
import { unique } from '../support/unique';
import { waitFor } from '../support/wait-for';
const infra = require('../../tools/infra');

/**
 * Horizontal scaling of one stage with real processes: 1, 2 and 3 enricher instances in one
 * consumer group on a 6-partition topic, each getting its share of the partitions and of the work;
 * then, while a steady stream flows through enricher, weather and indexer, one enricher leaves and
 * another joins, and the index is compared with what was sent, article id by article id. What more
 * instances buy in throughput depends on the cores left, so it is measured by `npm run bench:scale`,
 * not asserted here.
 *
 * It runs on its own Kafka, FerretDB and Redis (other ports, its own state directory) so its load
 * and its 6-partition topics never touch the servers other tests share; they are purged afterwards.
 */
// Kafka's ports below Linux's ephemeral range (32768–60999), where no outgoing connection can hold them.
const INFRA_SETTINGS = {
  NEWSFLOW_STATE_DIR: join(REPO_ROOT, '.state', 'scale-out'),
  NEWSFLOW_KAFKA_PORT: '28092',
  NEWSFLOW_KAFKA_CONTROLLER_PORT: '28093',
  NEWSFLOW_MONGO_PORT: '27039',
  NEWSFLOW_REDIS_PORT: '6399',
};
const PARTITIONS = 6;
const ROUND = 300; // articles per round: enough that every partition, so every instance, gets some
const STREAM_RATE = 60; // articles/s during the churn: below one instance's capacity, so lag stays small
const STREAM_SECONDS = 30;

/** The infra tool reads its settings from process.env; the shared servers' variables would make it start nothing. */
async function withOwnInfraSettings<T>(action: () => Promise<T>): Promise<T> {
  const overrides: Record<string, string | undefined> = { ...INFRA_SETTINGS, KAFKA_BROKERS: undefined, MONGODB_URI: undefined, REDIS_URL: undefined };
  const saved = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(overrides);
  try {
    return await action();
  } finally {
    apply(saved);
  }
}

/** Real wire copy (the enricher's eval set), so extraction costs what it costs in production. */
function wireStories(): { headline: string; body: string }[] {
  const dir = join(REPO_ROOT, 'services', 'enricher', 'eval', 'articles');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** Events this instance's consumer has handled since it started. */
async function consumedBy(service: RunningService): Promise<number> {
  const metrics = await (await fetch(`${service.url}/metrics`)).text();
  return Number(/newsflow_messages_consumed_total\{[^}]*\} (\d+)/.exec(metrics)?.[1] ?? 0);
}

interface Seen {
  key: string;
  timestamp: number;
}

/** Collects keys and producer timestamps of everything on the enriched and indexed topics. */
class OutputCollector {
  readonly byTopic = new Map<string, Seen[]>([[TOPICS.articleEnriched, []], [TOPICS.articleIndexed, []]]);
  private readonly consumer: Consumer;

  constructor(kafka: Kafka) {
    this.consumer = kafka.consumer({ groupId: unique('scale-out-reader') });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.byTopic.keys()], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        this.byTopic.get(topic)?.push({ key: message.key?.toString() ?? '', timestamp: Number(message.timestamp) });
      },
    });
  }

  seen(topic: string, ids: Set<string>): Seen[] {
    return (this.byTopic.get(topic) ?? []).filter((m) => ids.has(m.key));
  }

  waitForAll(topic: string, ids: Set<string>, timeoutMs = 180_000): Promise<Seen[]> {
    return waitFor(() => {
      const seen = this.seen(topic, ids);
      return new Set(seen.map((m) => m.key)).size === ids.size ? seen : undefined;
    }, { timeoutMs, intervalMs: 100, what: `${ids.size} articles on ${topic}` });
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

/** Article ids seen more than once. */
function repeated(keys: string[]): string[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([key]) => key);
}

describe('scale-out: enricher instances sharing one consumer group', () => {
  const run = unique('scale');
  const group = `${run}-enricher`;
  const stories = wireStories();
  const enrichers: RunningService[] = [];
  const downstream: RunningService[] = [];
  let env: Record<string, string>;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let collector: OutputCollector;
  let weatherProvider: FakeOpenMeteo;

  beforeAll(async () => {
    const servers = await withOwnInfraSettings(async () => {
      await infra.down({ purge: true, quiet: true }); // a crashed earlier run must not leave its topics behind
      return infra.up({ quiet: true }) as Promise<Record<string, string>>;
    });
    weatherProvider = await startFakeOpenMeteo();
    const database = new URL(servers.MONGODB_URI);
    database.pathname = `/${run.replace(/-/g, '_')}`;
    env = {
      ...servers,
      MONGODB_URI: database.toString(),
      KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
      EXTRACTION_WORKERS: '1', // two cores: one extraction thread per instance keeps the comparison about instances
      LOG_LEVEL: 'warn',
      OPEN_METEO_BASE_URL: weatherProvider.url,
      OPEN_METEO_ARCHIVE_BASE_URL: weatherProvider.url,
    };
    kafka = new Kafka({ clientId: run, brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
    await producer.connect();
  });

  afterAll(async () => {
    await collector?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await Promise.all([...enrichers, ...downstream].map((s) => stopService(s)));
    await weatherProvider?.close();
    await withOwnInfraSettings(() => infra.down({ purge: true, quiet: true }));
  });

  const startEnricher = async () => {
    const service = await startService('enricher', { ...env, KAFKA_GROUP_ID: group, KAFKA_FROM_BEGINNING: 'true' });
    enrichers.push(service);
    return service;
  };

  /** The group is stable with `members` instances and every partition assigned exactly once; resolves with partitions per member. */
  const waitForGroup = (members: number) =>
    waitFor(async () => {
      const [description] = (await admin.describeGroups([group])).groups;
      if (description.state !== 'Stable' || description.members.length !== members) return undefined;
      const owned = description.members.map((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[TOPICS.articleReceived] ?? []);
      const partitions = owned.flat().sort((a, b) => a - b);
      return partitions.length === PARTITIONS && partitions.every((p, i) => p === i) ? owned.map((p) => p.length) : undefined;
    }, { timeoutMs: 120_000, intervalMs: 500, what: `group ${group} to settle with ${members} members` });

  const received = (count: number) =>
    Array.from({ length: count }, (_, i) => {
      const story = stories[i % stories.length];
      const article = makeArticle({ headline: story.headline, body: story.body, publishedAt: new Date().toISOString() });
      return { key: article.id, value: JSON.stringify(makeEnvelope(TOPICS.articleReceived, { article })) };
    });

  /** A backlog of `count` articles, every one enriched exactly once; resolves with what each instance handled of it. */
  const passRound = async (count: number): Promise<number[]> => {
    const messages = received(count);
    const ids = new Set(messages.map((m) => m.key));
    const before = await Promise.all(enrichers.map(consumedBy));
    for (let i = 0; i < messages.length; i += 100) await producer.send({ topic: TOPICS.articleReceived, messages: messages.slice(i, i + 100) });
    const seen = await collector.waitForAll(TOPICS.articleEnriched, ids);
    expect(repeated(seen.map((m) => m.key))).toEqual([]);
    return Promise.all(enrichers.map(async (e, i) => (await consumedBy(e)) - before[i]));
  };

  it('splits the partitions evenly, and every instance enriches its share exactly once', async () => {
    await startEnricher();
    const metadata = await admin.fetchTopicMetadata({ topics: [TOPICS.articleReceived] });
    expect(metadata.topics[0].partitions).toHaveLength(PARTITIONS);
    // The final topic is the indexer's to create, but the collector subscribes to it before the indexer starts.
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: TOPICS.articleIndexed, numPartitions: PARTITIONS }] });
    collector = new OutputCollector(kafka);
    await collector.start();

    const results = new Map<number, { spread: number[]; handled: number[] }>();
    for (const instances of [1, 2, 3]) {
      while (enrichers.length < instances) await startEnricher();
      const spread = await waitForGroup(instances);
      results.set(instances, { spread, handled: await passRound(ROUND) });
    }
    console.log(['enricher instances: partitions each, articles each of a round of ' + ROUND,
      ...[...results].map(([n, { spread, handled }]) => `${n}: ${spread.join(' / ')}; ${handled.join(' / ')}`)].join('\n'));

    expect(results.get(1)?.spread).toEqual([6]);
    expect(results.get(2)?.spread).toEqual([3, 3]);
    expect(results.get(3)?.spread).toEqual([2, 2, 2]);
    for (const [instances, { handled }] of results) {
      expect(handled).toHaveLength(instances);
      // Each instance owns partitions, so each gets articles; together exactly the round (nothing twice).
      handled.forEach((n) => expect(n).toBeGreaterThan(0));
      expect(handled.reduce((a, b) => a + b, 0)).toBe(ROUND);
    }
  }, 600_000);

  it('loses nothing and indexes nothing twice while instances leave and join mid-stream', async () => {
    downstream.push(...(await Promise.all((['weather', 'indexer'] as const).map((name) =>
      // Only the stream below is theirs: the measured rounds before it would only make them slower to drain.
      startService(name, { ...env, KAFKA_GROUP_ID: `${run}-${name}`, KAFKA_FROM_BEGINNING: 'false' })))));
    while (enrichers.length < 2) await startEnricher();
    await waitForGroup(enrichers.length);
    // Downstream groups start at the end of the topics; one article all the way through proves they
    // are positioned before the stream begins, so none of it falls before their starting offsets.
    const [probe] = received(1);
    await producer.send({ topic: TOPICS.articleReceived, messages: [probe] });
    await collector.waitForAll(TOPICS.articleIndexed, new Set([probe.key]), 120_000);

    const messages = received(STREAM_RATE * STREAM_SECONDS);
    const ids = new Set(messages.map((m) => m.key));
    const startedAt = Date.now();
    let sent = 0;
    const stream = (async () => {
      // One send every 100 ms, so instances come and go while articles keep arriving.
      const perTick = STREAM_RATE / 10;
      for (let i = 0; i < messages.length; i += perTick) {
        await producer.send({ topic: TOPICS.articleReceived, messages: messages.slice(i, i + perTick) });
        sent = i + perTick;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + ((i + perTick) / STREAM_RATE) * 1000 - Date.now())));
      }
    })();
    const progress = () => new Set(collector.seen(TOPICS.articleEnriched, ids).map((m) => m.key)).size;

    await waitFor(() => Date.now() - startedAt > 5_000, { what: 'the stream to run for 5 s' });
    const leaving = enrichers.shift() as RunningService;
    expect(await stopService(leaving)).toBe('signal SIGTERM'); // drained, not killed
    const whenLeft = progress();
    const joined = await startEnricher();
    const [whenJoined, sentWhenJoined] = [progress(), sent];
    await stream;
    // Both changes happened while the stream was still being sent.
    expect(sentWhenJoined).toBeLessThan(messages.length);
    expect(whenJoined).toBeLessThan(ids.size);

    const enriched = await collector.waitForAll(TOPICS.articleEnriched, ids);
    const indexed = await collector.waitForAll(TOPICS.articleIndexed, ids, 300_000);
    const joinedConsumed = await consumedBy(joined);
    console.log(`churn: ${ids.size} articles streamed at ${STREAM_RATE}/s; an instance left after ${whenLeft} were enriched, `
      + `one joined after ${whenJoined} and enriched ${joinedConsumed} of them`);

    expect(new Set(enriched.map((m) => m.key))).toEqual(ids);
    expect(repeated(enriched.map((m) => m.key))).toEqual([]);
    expect(repeated(indexed.map((m) => m.key))).toEqual([]);
    expect(joinedConsumed).toBeGreaterThan(0);
    const connection = await mongoose.createConnection(env.MONGODB_URI).asPromise();
    try {
      const stored = await connection.collection('search_articles').find({}, { projection: { _id: 1, version: 1 } }).toArray();
      expect(new Set(stored.map((d) => String(d._id)))).toEqual(new Set([probe.key, ...ids]));
      expect(stored.filter((d) => d.version !== 1)).toEqual([]);
      // Every article has its one version as the latest: nothing was replaced, so the history is empty.
      expect(await connection.collection('search_article_versions').countDocuments()).toBe(0);
    } finally {
      await connection.close();
    }
  }, 600_000);
});
