#!/usr/bin/env node
// `npm run bench:burst`: memory under a backlog. Queues --messages received events (the bench
// corpus, 2–6 KB each) on the enricher's input while nothing consumes it, then starts the enricher
// as a production-built process and samples its memory and progress for --seconds while it works
// through them. Bounded memory means the resident set levels off while the backlog is still there.
// Own Kafka, FerretDB and Redis (state .state/bench-burst; ports below the ephemeral range).
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { ROOT, positiveIntegerReader } = require('./options');
const { loadCorpus } = require('./corpus');
const { startInfra, stopInfra, startServices, stopServices } = require('./stack');
const { ProcessSampler } = require('./process-sampler');
const { kafkaClient } = require('./kafka-watch');
const { toReceivedMessage } = require('./payloads');
const { percentile } = require('./stats');

const DEFAULTS = { messages: '100000', seconds: '90', seed: '42', 'kafka-port': '29592', 'kafka-controller-port': '29593',
  'mongo-port': '27059', 'redis-port': '6429', 'service-port-base': '18280' };
const GROUP = 'newsflow-enricher';
const log = (line) => console.log(`[burst] ${line}`);

function parseOptions() {
  const { values } = parseArgs({
    options: { ...Object.fromEntries(Object.entries(DEFAULTS).map(([name, value]) => [name, { type: 'string', default: value }])),
      'skip-build': { type: 'boolean', default: false }, 'keep-infra': { type: 'boolean', default: false } },
  });
  const number = positiveIntegerReader('bench:burst', values);
  return {
    messages: number('messages'), seconds: number('seconds'), seed: number('seed'),
    kafkaPort: number('kafka-port'), kafkaControllerPort: number('kafka-controller-port'), mongoPort: number('mongo-port'),
    redisPort: number('redis-port'), servicePortBase: number('service-port-base'),
    skipBuild: values['skip-build'], keepInfra: values['keep-infra'],
    stateDir: path.join(ROOT, '.state', 'bench-burst'), databases: 'shared', out: path.join(ROOT, 'bench', 'results'),
  };
}

/** The corpus repeated under a new tag each round, so every message is a different article. */
async function queue(kafka, topic, corpus, count) {
  const producer = kafka.producer();
  await producer.connect();
  const source = { id: 'bench-burst', name: 'Bench burst' };
  const started = Date.now();
  let bytes = 0;
  for (let sent = 0; sent < count;) {
    const messages = [];
    for (; messages.length < 500 && sent < count; sent += 1) {
      const message = toReceivedMessage(corpus[sent % corpus.length], source, `burst-${Math.floor(sent / corpus.length)}`);
      bytes += message.value.length;
      messages.push(message);
    }
    await producer.send({ topic, acks: 1, messages });
    if (sent % 20_000 === 0) log(`queued ${sent}`);
  }
  await producer.disconnect();
  return { count, megabytes: Math.round(bytes / 1e6), seconds: (Date.now() - started) / 1000 };
}

async function committed(admin, topic) {
  const [offsets] = await admin.fetchOffsets({ groupId: GROUP, topics: [topic] });
  return offsets.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}

async function main() {
  const options = parseOptions();
  if (!options.skipBuild) {
    const { run, bin } = require('../scripts/run');
    await run(bin('nx'), ['run-many', '-t', 'build', '--projects=contracts,platform,messaging,text,enricher', '--output-style=static']);
  }
  const { TOPICS } = require('@newsflow/contracts');
  const topic = TOPICS.articleReceived;
  let enricher;
  let admin;
  try {
    const env = await startInfra(options);
    const kafka = kafkaClient(env.KAFKA_BROKERS, 'bench-burst');
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
    const { articles: corpus } = loadCorpus({ count: Math.min(options.messages, 20_000), seed: options.seed, cacheDir: path.join(ROOT, '.state', 'bench-corpus') });
    const queued = await queue(kafka, topic, corpus, options.messages);
    log(`queued ${queued.count} events (${queued.megabytes} MB) on ${topic} in ${queued.seconds.toFixed(1)} s; starting the enricher`);

    [enricher] = await startServices(options, { ...env, KAFKA_FROM_BEGINNING: 'true', LOG_LEVEL: 'warn' },
      path.join(ROOT, '.state', 'bench-logs', `burst-${Date.now()}`), ['enricher']);
    const sampler = new ProcessSampler([{ name: 'enricher', pid: enricher.pid }]);
    sampler.start();
    const progress = [];
    const startedAt = Date.now();
    while (Date.now() - startedAt < options.seconds * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const done = await committed(admin, topic);
      const rssMb = sampler.samples.at(-1)?.services.enricher?.rssMb ?? 0;
      progress.push({ second: Math.round((Date.now() - startedAt) / 1000), consumed: done, backlog: queued.count - done, rssMb: Math.round(rssMb) });
      log(`t=${progress.at(-1).second}s consumed ${done}, backlog ${queued.count - done}, RSS ${Math.round(rssMb)} MB`);
    }
    sampler.stop();

    const rss = sampler.samples.map((s) => s.services.enricher?.rssMb).filter((v) => v !== undefined);
    const half = rss.slice(Math.floor(rss.length / 2));
    const firstHalf = rss.slice(0, Math.floor(rss.length / 2));
    const last = progress.at(-1);
    const result = {
      kind: 'burst', startedAt: new Date(startedAt).toISOString(), options: { messages: options.messages, seconds: options.seconds, seed: options.seed },
      queued, consumedInWindow: last.consumed, backlogAtEnd: last.backlog,
      enricherRssMb: { p50: Math.round(percentile([...rss].sort((a, b) => a - b), 50)), max: Math.round(Math.max(...rss)),
        firstHalfMax: Math.round(Math.max(...firstHalf)), secondHalfMax: Math.round(Math.max(...half)),
        peak: Math.round(sampler.samples.at(-1).services.enricher?.peakRssMb ?? 0) },
      progress,
    };
    fs.mkdirSync(options.out, { recursive: true });
    const file = path.join(options.out, `${result.startedAt.replace(/[:.]/g, '-').slice(0, 19)}Z-burst.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`consumed ${last.consumed} of ${queued.count} in ${options.seconds} s with ${last.backlog} still queued; enricher RSS p50 ${result.enricherRssMb.p50} MB, `
      + `max ${result.enricherRssMb.max} MB (first half ${result.enricherRssMb.firstHalfMax}, second half ${result.enricherRssMb.secondHalfMax}), peak ${result.enricherRssMb.peak} MB`);
    log(`wrote ${path.relative(ROOT, file)}`);
  } finally {
    if (enricher) await stopServices([enricher]);
    await admin?.disconnect();
    // Also when only some servers started.
    await stopInfra(options);
  }
}

main().catch((error) => {
  console.error(`[burst] failed: ${error.stack ?? error}`);
  process.exit(1);
});
