#!/usr/bin/env node
// `npm run bench:scale`: what more enricher instances buy on this machine. 1, 2, … --max-instances
// enrichers (production builds, one extraction worker each) share one consumer group on a
// --partitions topic; for each count, --rounds backlogs of --round articles from the bench corpus are
// queued and timed from the first send to the last enriched event (record timestamps), with the
// enrichers' CPU and the machine's busy share. A second instance can only add what the cores have
// left, so the result states the headroom next to the rates; nothing is asserted (the e2e scale-out
// test checks the partition split and that nothing is lost or doubled).
// Own Kafka, FerretDB and Redis (state .state/bench-scale; ports below the ephemeral range).
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { AssignerProtocol } = require('kafkajs');
const { ROOT, positiveIntegerReader } = require('./options');
const { loadCorpus } = require('./corpus');
const { startInfra, stopInfra, startServices, stopServices } = require('./stack');
const { machineInfo, readMachine, readProcess } = require('./process-sampler');
const { kafkaClient, ArrivalWatcher } = require('./kafka-watch');
const { toReceivedMessage } = require('./payloads');

const DEFAULTS = { 'max-instances': '3', round: '1000', rounds: '3', partitions: '6', seed: '42', 'kafka-port': '29692',
  'kafka-controller-port': '29693', 'mongo-port': '27069', 'redis-port': '6439', 'service-port-base': '18380' };
const GROUP = 'newsflow-enricher';
const WARM_UP = 60; // a new instance's first articles pay for JIT compilation
const log = (line) => console.log(`[scale] ${line}`);

function parseOptions() {
  const { values } = parseArgs({
    options: { ...Object.fromEntries(Object.entries(DEFAULTS).map(([name, value]) => [name, { type: 'string', default: value }])),
      'skip-build': { type: 'boolean', default: false }, out: { type: 'string', default: path.join(ROOT, 'bench', 'results') } },
  });
  const number = positiveIntegerReader('bench:scale', values);
  return {
    maxInstances: number('max-instances'), round: number('round'), rounds: number('rounds'), partitions: number('partitions'), seed: number('seed'),
    kafkaPort: number('kafka-port'), kafkaControllerPort: number('kafka-controller-port'), mongoPort: number('mongo-port'),
    redisPort: number('redis-port'), servicePortBase: number('service-port-base'),
    skipBuild: values['skip-build'], out: values.out, stateDir: path.join(ROOT, '.state', 'bench-scale'), databases: 'shared',
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Partitions per member once the group is stable with `members` members and every partition is owned. */
async function waitForGroup(admin, topic, members, partitions) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const [description] = (await admin.describeGroups([GROUP])).groups;
    if (description.state === 'Stable' && description.members.length === members) {
      const owned = description.members.map((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[topic] ?? []);
      if (owned.flat().length === partitions) return owned.map((p) => p.length).sort();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`group ${GROUP} did not settle with ${members} members within 120 s`);
}

async function main() {
  const options = parseOptions();
  const runStartedAt = new Date();
  if (!options.skipBuild) {
    const { run, bin } = require('../scripts/run');
    await run(bin('nx'), ['run-many', '-t', 'build', '--projects=contracts,platform,messaging,text,enricher', '--output-style=static']);
  }
  const { TOPICS } = require('@newsflow/contracts');
  const enrichers = [];
  let producer;
  let watcher;
  let admin;
  try {
    const env = { ...(await startInfra(options)), KAFKA_TOPIC_PARTITIONS: String(options.partitions), EXTRACTION_WORKERS: '1', LOG_LEVEL: 'warn' };
    const kafka = kafkaClient(env.KAFKA_BROKERS, 'bench-scale');
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [TOPICS.articleReceived, TOPICS.articleEnriched].map((topic) => ({ topic, numPartitions: options.partitions })) });
    producer = kafka.producer({ idempotent: true });
    await producer.connect();
    watcher = new ArrivalWatcher(kafka, [TOPICS.articleEnriched], `bench-scale-watch-${Date.now()}`);
    await watcher.start();
    const { articles: corpus } = loadCorpus({ count: Math.min(options.round, 20_000), seed: options.seed, cacheDir: path.join(ROOT, '.state', 'bench-corpus') });
    const logDir = path.join(ROOT, '.state', 'bench-logs', `scale-${Date.now()}`);
    let tag = 0;

    const measureRound = async (count) => {
      tag += 1;
      const source = { id: 'bench-scale', name: 'Bench scale' };
      const messages = Array.from({ length: count }, (_, i) => toReceivedMessage(corpus[i % corpus.length], source, `scale-${tag}-${Math.floor(i / corpus.length)}`));
      const [machineBefore, cpuBefore] = [readMachine(), enrichers.map((e) => readProcess(e.pid).cpuSeconds)];
      const startedAt = Date.now();
      for (let i = 0; i < messages.length; i += 100) await producer.send({ topic: TOPICS.articleReceived, acks: -1, messages: messages.slice(i, i + 100) });
      const keys = messages.map((m) => m.key);
      await watcher.waitForAll(TOPICS.articleEnriched, keys, Math.max(180_000, count * 200), `round ${tag}`);
      const seen = watcher.seen(TOPICS.articleEnriched);
      const seconds = (Math.max(...keys.map((k) => seen.get(k))) - startedAt) / 1000;
      const machineAfter = readMachine();
      const cpu = enrichers.reduce((sum, e, i) => sum + readProcess(e.pid).cpuSeconds - cpuBefore[i], 0);
      return { articlesPerSecond: Math.round((count / seconds) * 10) / 10, machineBusyShare: Math.round(((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 1000) / 1000,
        enricherCpuMsPerArticle: Math.round(((cpu * 1000) / count) * 100) / 100 };
    };

    const results = [];
    for (let instances = 1; instances <= options.maxInstances; instances += 1) {
      while (enrichers.length < instances) {
        const n = enrichers.length;
        const [started] = await startServices({ ...options, servicePortBase: options.servicePortBase + 10 * n }, env, path.join(logDir, String(n)), ['enricher']);
        enrichers.push(started);
      }
      const partitionsEach = await waitForGroup(admin, TOPICS.articleReceived, instances, options.partitions);
      await measureRound(WARM_UP);
      const rounds = [];
      for (let r = 0; r < options.rounds; r += 1) rounds.push(await measureRound(options.round));
      const row = { instances, partitionsEach, rounds, medianArticlesPerSecond: median(rounds.map((x) => x.articlesPerSecond)),
        medianMachineBusyShare: median(rounds.map((x) => x.machineBusyShare)), medianEnricherCpuMsPerArticle: median(rounds.map((x) => x.enricherCpuMsPerArticle)) };
      results.push(row);
      log(`${instances} instance(s), partitions ${partitionsEach.join('/')}: ${rounds.map((x) => x.articlesPerSecond).join(', ')} articles/s `
        + `(median ${row.medianArticlesPerSecond}), machine busy ${rounds.map((x) => `${Math.round(x.machineBusyShare * 100)}%`).join(', ')}, `
        + `enricher CPU ${row.medianEnricherCpuMsPerArticle} ms/article`);
    }

    const one = results[0];
    const result = {
      kind: 'scale-out', startedAt: runStartedAt.toISOString(), machine: machineInfo(),
      options: { maxInstances: options.maxInstances, round: options.round, rounds: options.rounds, partitions: options.partitions, seed: options.seed },
      headroomWithOneInstance: Math.round((1 - one.medianMachineBusyShare) * 1000) / 1000,
      results,
      speedup: results.map((r) => ({ instances: r.instances, ofOne: Math.round((r.medianArticlesPerSecond / one.medianArticlesPerSecond) * 100) / 100 })),
    };
    fs.mkdirSync(options.out, { recursive: true });
    const file = path.join(options.out, `${result.startedAt.replace(/[:.]/g, '-').slice(0, 19)}Z-scale-out.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`headroom with one instance ${Math.round(result.headroomWithOneInstance * 100)}%; speed-up ${result.speedup.map((s) => `${s.instances}: ${s.ofOne}×`).join(', ')}`);
    log(`wrote ${path.relative(ROOT, file)}`);
  } finally {
    await watcher?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await stopServices(enrichers);
    await stopInfra(options);
  }
}

main().catch((error) => {
  console.error(`[scale] failed: ${error.stack ?? error}`);
  process.exit(1);
});
