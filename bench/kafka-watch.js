// Kafka-side instruments: when each article first reaches a topic, and consumer-group lag over time.
const { Kafka, logLevel } = require('kafkajs');
// The services' fixes to kafkajs (libs/messaging/src/kafkajs-request-queue.ts, kafkajs-crc32c.ts), so
// the load generator neither spins nor spends more than they do on its produce requests.
require('@newsflow/messaging/kafkajs-request-queue').fixKafkajsRequestQueueTimer();
require('@newsflow/messaging/kafkajs-crc32c').useNativeCrc32cInKafkajs();

const kafkaClient = (brokers, clientId) => new Kafka({ clientId, brokers: brokers.split(','), logLevel: logLevel.NOTHING });

/**
 * Records when each key first showed up on `topics`: the record's timestamp, set by the producing
 * service when it sent the event (same machine, same clock), so this reader can fetch in large, lazy
 * batches without costing the broker a fetch per event or delaying what it measures.
 */
class ArrivalWatcher {
  constructor(kafka, topics, groupId) {
    this.kafka = kafka;
    this.topics = topics;
    this.groupId = groupId;
    this.firstSeen = new Map(topics.map((t) => [t, new Map()])); // topic → key → ms
    this.messages = 0;
    this.waiters = [];
  }

  async start() {
    this.consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 250, minBytes: 1024 * 1024 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: 3,
      // Its group lives for one run and never resumes: a commit after each of its batches (nine
      // partitions, four fetches a second) was a third of an offset commit per article, on the broker the
      // pipeline is measured on.
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const seen = this.firstSeen.get(batch.topic);
        for (const message of batch.messages) {
          this.messages += 1;
          const key = message.key?.toString() ?? '';
          const at = Number(message.timestamp);
          if (!seen.has(key) || seen.get(key) > at) seen.set(key, at);
        }
        this.waiters = this.waiters.filter((w) => !w());
      },
    });
  }

  seen(topic) {
    return this.firstSeen.get(topic);
  }

  /** Resolves when every key has been seen on `topic`; rejects after `timeoutMs` naming how many are missing. */
  waitForAll(topic, keys, timeoutMs, what) {
    const seen = this.firstSeen.get(topic);
    return new Promise((resolve, reject) => {
      const done = () => keys.every((k) => seen.has(k));
      if (done()) return resolve();
      const timer = setTimeout(() => {
        const missing = keys.filter((k) => !seen.has(k)).length;
        reject(new Error(`${what}: ${missing} of ${keys.length} not seen within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      this.waiters.push(() => {
        if (!done()) return false;
        clearTimeout(timer);
        resolve();
        return true;
      });
    });
  }

  stop() {
    return this.consumer?.disconnect();
  }
}

/** Sums each group's lag (log end − committed offset) over the topics it reads, every `intervalMs`. */
class LagSampler {
  constructor(admin, groups, intervalMs = 2000) {
    this.admin = admin;
    this.groups = groups; // [{ group, topics }]
    this.intervalMs = intervalMs;
    this.samples = []; // { t, lag: { group: n } }
  }

  start() {
    const tick = async () => {
      try {
        await this.sample();
      } catch {
        // a sample lost to a broker hiccup is a gap in the chart, not a failed run
      }
      if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async sample() {
    const t = Date.now();
    const lag = {};
    for (const { group, topics } of this.groups) {
      let total = 0;
      const committed = await this.admin.fetchOffsets({ groupId: group, topics });
      for (const { topic, partitions } of committed) {
        const ends = new Map((await this.admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
        for (const p of partitions) {
          const offset = Number(p.offset);
          // -1: nothing committed yet, so everything on the partition is still to be read.
          total += Math.max(0, (ends.get(p.partition) ?? 0) - (offset < 0 ? 0 : offset));
        }
      }
      lag[group] = total;
    }
    this.samples.push({ t, lag });
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Largest lag each group reached between two times. */
  peak(from, to) {
    const peaks = {};
    for (const s of this.samples.filter((x) => x.t >= from && x.t <= to)) {
      for (const [group, lag] of Object.entries(s.lag)) peaks[group] = Math.max(peaks[group] ?? 0, lag);
    }
    return peaks;
  }
}

module.exports = { kafkaClient, ArrivalWatcher, LagSampler };
