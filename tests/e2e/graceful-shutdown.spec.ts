import { deadLetterTopic, TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { REPO_ROOT, RunningService, startService, stopService } from '../support/service-process';
import { unique } from '../support/unique';
import { waitFor } from '../support/wait-for';
const infra = require('../../tools/infra');

/**
 * SIGTERM in the middle of a stream, with a real enricher process: it stops being ready, drains
 * within SHUTDOWN_TIMEOUT_MS, commits what it finished, and the next instance in the same group
 * carries on from there, so every article is enriched, none is lost and none twice.
 *
 * Topic names are fixed (`news.articles.*.v1`), so another test's enricher on the shared broker
 * would also enrich these articles and make duplicates that are not ours. This test therefore runs
 * its own Kafka (other ports, its own state directory, purged afterwards); Redis is the shared one,
 * and the inbox there is scoped by this test's own consumer group.
 */
// Below Linux's ephemeral range (32768–60999): a fixed port inside it can be held by some client's
// outgoing connection when the broker binds, and this broker once exited at start-up in CI.
const KAFKA_SETTINGS = {
  NEWSFLOW_STATE_DIR: join(REPO_ROOT, '.state', 'graceful-shutdown'),
  NEWSFLOW_KAFKA_PORT: '29192',
  NEWSFLOW_KAFKA_CONTROLLER_PORT: '29193',
};
const ARTICLES = 400;
const BATCH = 5; // articles per send, one send every SEND_EVERY_MS (20/s): the stream outlasts the shutdown
const SEND_EVERY_MS = 250;
const SHUTDOWN_TIMEOUT_MS = 20_000;

/** The infra tool reads its settings from process.env; without KAFKA_BROKERS it starts a Kafka of its own (and only that). */
async function withOwnKafkaSettings<T>(action: () => Promise<T>): Promise<T> {
  const overrides: Record<string, string | undefined> = { ...KAFKA_SETTINGS, KAFKA_BROKERS: undefined };
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

type Probe = 'ready' | 'not-ready' | 'refused';

/** One readiness request on a fresh connection (a kept-alive socket would outlive the listener). */
function probeReadiness(url: string): Promise<Probe> {
  return new Promise((resolve) => {
    const call = request(`${url}/health/ready`, { agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200 ? 'ready' : 'not-ready');
    });
    call.on('error', () => resolve('refused'));
    call.on('timeout', () => call.destroy());
    call.end();
  });
}

/** Readiness answers from now until the process exits, as fast as one request after another allows. */
async function watchReadiness(service: RunningService): Promise<Probe[]> {
  const seen: Probe[] = [];
  while (service.process.exitCode === null && service.process.signalCode === null) seen.push(await probeReadiness(service.url));
  return seen;
}

/** Collapses runs: ready,ready,not-ready,refused,refused → ready,not-ready,refused. */
const phases = (probes: Probe[]) => probes.filter((p, i) => p !== probes[i - 1]);

describe('graceful shutdown of a consuming stage (enricher, real process)', () => {
  const run = unique('graceful');
  const group = `${run}-enricher`;
  const stories = readdirSync(join(REPO_ROOT, 'services', 'enricher', 'eval', 'articles')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(REPO_ROOT, 'services', 'enricher', 'eval', 'articles', f), 'utf8')) as { headline: string; body: string });
  const enriched: string[] = [];
  const parked: string[] = [];
  const services: RunningService[] = [];
  let env: Record<string, string>;
  let producer: Producer;
  let reader: Consumer;

  beforeAll(async () => {
    const { KAFKA_BROKERS } = await withOwnKafkaSettings(async () => {
      await infra.down({ purge: true, quiet: true }); // a crashed earlier run must not leave its topics or offsets behind
      return infra.up({ quiet: true }) as Promise<Record<string, string>>;
    });
    env = { KAFKA_BROKERS, KAFKA_GROUP_ID: group, KAFKA_FROM_BEGINNING: 'true', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), LOG_LEVEL: 'info' };
    const kafka = new Kafka({ clientId: run, brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
    await producer.connect();
    // The first instance creates the topics (the reader cannot subscribe to a missing one).
    services.push(await startService('enricher', env));
    reader = kafka.consumer({ groupId: `${run}-reader` });
    await reader.connect();
    await reader.subscribe({ topics: [TOPICS.articleEnriched, deadLetterTopic('enricher')], fromBeginning: true });
    await reader.run({
      eachMessage: async ({ topic, message }) => {
        (topic === TOPICS.articleEnriched ? enriched : parked).push(message.key?.toString() ?? '');
      },
    });
  });

  afterAll(async () => {
    await reader?.disconnect();
    await producer?.disconnect();
    await Promise.all(services.map((s) => stopService(s)));
    await withOwnKafkaSettings(() => infra.down({ purge: true, quiet: true }));
  });

  it('stops being ready, drains within SHUTDOWN_TIMEOUT_MS, and its successor loses and repeats nothing', async () => {
    const messages = Array.from({ length: ARTICLES }, (_, i) => {
      const story = stories[i % stories.length];
      const article = makeArticle({ headline: story.headline, body: story.body, publishedAt: new Date().toISOString() });
      return { key: article.id, value: JSON.stringify(makeEnvelope(TOPICS.articleReceived, { article })) };
    });
    const ids = new Set(messages.map((m) => m.key));
    const ours = () => enriched.filter((key) => ids.has(key));
    let streamed = false;
    const stream = (async () => {
      for (let i = 0; i < messages.length; i += BATCH) {
        await producer.send({ topic: TOPICS.articleReceived, messages: messages.slice(i, i + BATCH) });
        await new Promise((resolve) => setTimeout(resolve, SEND_EVERY_MS));
      }
      streamed = true;
    })();

    // Mid-stream: the first instance has enriched some articles and more keep arriving.
    const [first] = services;
    await waitFor(() => ours().length >= ARTICLES / 4, { timeoutMs: 120_000, intervalMs: 20, what: `${ARTICLES / 4} articles enriched` });
    const exited = new Promise<string>((resolve) => first.process.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit ${code}`)));
    const readiness = watchReadiness(first);
    const signalledAt = Date.now();
    first.process.kill('SIGTERM');
    const how = await exited;
    const drainMs = Date.now() - signalledAt;
    const probes = await readiness;
    const enrichedByFirst = ours().length;
    const streamedWhenItLeft = streamed;

    // Nest re-raises SIGTERM once its shutdown hooks are done; the SHUTDOWN_TIMEOUT_MS guard would exit 1 instead.
    expect(how).toBe('signal SIGTERM');
    expect(drainMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    // Once it stopped answering ready it never answered ready again; while the consumer drained, HTTP
    // was still up and answered 503, and only then was the listener closed (refused).
    const sequence = phases(probes);
    expect(probes.length).toBeGreaterThan(0);
    expect(sequence.indexOf('ready')).toBeLessThanOrEqual(0);
    expect(sequence[sequence.length - 1]).not.toBe('ready');
    expect(sequence).toContain('not-ready');
    if (sequence.includes('refused')) expect(sequence.indexOf('not-ready')).toBeLessThan(sequence.indexOf('refused'));
    expect(streamedWhenItLeft).toBe(false); // the shutdown really happened mid-stream

    await stream;
    services.push(await startService('enricher', env));
    await waitFor(() => ids.size === new Set(ours()).size, { timeoutMs: 180_000, intervalMs: 100, what: `all ${ARTICLES} articles enriched` });

    // The drain committed everything the first instance finished: its successor was handed none of it again.
    const metrics = await (await fetch(`${services[1].url}/metrics`)).text();
    const sample = (name: string) => Number(new RegExp(`${name}\\{[^}]*\\} (\\d+)`).exec(metrics)?.[1] ?? 0); // no sample: never counted
    const redelivered = sample('newsflow_messages_duplicate_total');
    const counts = new Map<string, number>();
    for (const key of ours()) counts.set(key, (counts.get(key) ?? 0) + 1);
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    console.log(`graceful shutdown: SIGTERM after ${enrichedByFirst}/${ARTICLES} enriched; exit by ${how} after ${drainMs} ms; `
      + `readiness ${sequence.join(' → ')} (${probes.filter((p) => p === 'not-ready').length} of ${probes.length} probes answered 503); `
      + `${counts.size} ids enriched, ${duplicates} duplicates; the successor skipped ${redelivered} redelivered events`);

    expect([...ids].filter((id) => !counts.has(id))).toEqual([]);
    expect(duplicates).toBe(0);
    // What the successor handled: the rest, at most (the reader may not have seen all the first one's output at its exit).
    expect(sample('newsflow_messages_consumed_total')).toBeGreaterThan(0);
    expect(sample('newsflow_messages_consumed_total')).toBeLessThanOrEqual(ARTICLES - enrichedByFirst);
    expect(redelivered).toBe(0);
    expect(parked.filter((key) => ids.has(key))).toEqual([]);
  }, 600_000);
});
