// The baseline: the same received events through four consume → produce hops that do no work, on
// the same broker and partition count as the pipeline, so its throughput is a ratio to what kafkajs
// and this broker allow on this machine at this moment.
const { fork } = require('node:child_process');
const path = require('node:path');
const { Partitioners } = require('kafkajs');
const { ArrivalWatcher } = require('./kafka-watch');
const { readProcess } = require('./process-sampler');
const { throughput, perSecond } = require('./stats');

const HOPS = 4;
const TOPICS = Array.from({ length: HOPS + 1 }, (_, i) => `bench.relay.${i}`);

async function startHops(brokers) {
  const hops = [];
  for (let i = 0; i < HOPS; i += 1) {
    const child = fork(path.join(__dirname, 'relay-hop.js'), [brokers, TOPICS[i], TOPICS[i + 1], `bench-relay-${i}`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    hops.push({ name: `relay-${i}`, child, pid: child.pid, joined: new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`relay hop ${i} exited with ${code} before joining its group`)));
    }) });
  }
  await Promise.all(hops.map((h) => h.joined));
  return hops;
}

/** Relays `messages` ({ key, value, headers }) end to end; resolves with throughput and the hops' CPU. */
async function runRelayBaseline({ kafka, admin, brokers, partitions, messages, runTag, log }) {
  await admin.createTopics({ topics: TOPICS.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })), waitForLeaders: true });
  const watcher = new ArrivalWatcher(kafka, [TOPICS[HOPS]], `bench-relay-watch-${runTag}`);
  await watcher.start();
  const hops = await startHops(brokers);
  const cpuBefore = hops.map((h) => readProcess(h.pid).cpuSeconds);
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
  await producer.connect();
  try {
    log(`baseline: relaying ${messages.length} events through ${HOPS} hops`);
    const startedAt = Date.now();
    for (let i = 0; i < messages.length; i += 100) await producer.send({ topic: TOPICS[0], acks: -1, messages: messages.slice(i, i + 100) });
    const keys = messages.map((m) => m.key);
    await watcher.waitForAll(TOPICS[HOPS], keys, 600_000, 'relay baseline');
    const done = [...watcher.seen(TOPICS[HOPS]).values()];
    const hopCpu = hops.map((h, i) => Math.round((readProcess(h.pid).cpuSeconds - cpuBefore[i]) * 100) / 100);
    const peakRssMb = Math.max(...hops.map((h) => readProcess(h.pid).peakRssMb));
    return { hops: HOPS, ...throughput(done, startedAt), hopCpuSeconds: hopCpu, hopPeakRssMb: Math.round(peakRssMb), series: perSecond(done, startedAt) };
  } finally {
    await producer.disconnect();
    await watcher.stop();
    await Promise.all(hops.map((h) => new Promise((resolve) => {
      if (h.child.exitCode !== null) return resolve();
      h.child.once('exit', resolve);
      h.child.kill('SIGTERM');
    })));
  }
}

module.exports = { runRelayBaseline };
