import { ensureTopics } from '@newsflow/messaging';
import { Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import { requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

const MESSAGES = 8;

/**
 * kafkajs consumers as the stages run them, once the messaging library is loaded (it amends kafkajs:
 * libs/messaging/src/kafkajs-commit-interval.ts), against the real broker: each message arrives on
 * its own, so each is a batch of one, as below saturation.
 */
describe('kafkajs offset commits with an interval', () => {
  const brokers = requireEnv('KAFKA_BROKERS').split(',');
  const kafka = new Kafka({ clientId: 'it-commit-interval', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  let producer: Producer;

  beforeAll(async () => {
    await admin.connect();
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.disconnect();
  });

  /** The group's committed offset of the topic's one partition (-1 while nothing is committed). */
  async function committed(groupId: string, topic: string): Promise<number> {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Number(offsets.partitions[0].offset);
  }

  /** A consumer of a new one-partition topic, fed MESSAGES one at a time, each consumed before the next is sent. */
  async function consumeOneByOne(autoCommitInterval?: number): Promise<{ consumer: Consumer; groupId: string; topic: string; commits: () => number }> {
    const topic = unique('it-commits');
    const groupId = unique('it-commits-group');
    await ensureTopics(brokers, [topic], { partitions: 1, replicationFactor: 1 });
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    let commits = 0;
    consumer.on(consumer.events.REQUEST, ({ payload }) => {
      if (payload.apiName === 'OffsetCommit') commits += 1;
    });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ ...(autoCommitInterval ? { autoCommitInterval } : {}), eachMessage: async ({ message }) => void seen.push(String(message.value)) });
    for (let i = 0; i < MESSAGES; i += 1) {
      await producer.send({ topic, messages: [{ key: 'k', value: `m${i}` }] });
      await waitFor(() => seen.length === i + 1, { timeoutMs: 30_000, intervalMs: 20, what: `message ${i} consumed` });
    }
    return { consumer, groupId, topic, commits: () => commits };
  }

  it('commits after every batch without an interval, as kafkajs always did', async () => {
    const { consumer, groupId, topic, commits } = await consumeOneByOne();
    try {
      await waitFor(async () => (await committed(groupId, topic)) === MESSAGES, { what: 'every offset committed' });
      expect(commits()).toBeGreaterThanOrEqual(MESSAGES);
    } finally {
      await consumer.disconnect();
    }
  });

  it('with a long interval, commits at most once while consuming, and everything before leaving the group', async () => {
    const { consumer, groupId, topic, commits } = await consumeOneByOne(60_000);
    const whileConsuming = commits();
    await consumer.disconnect();
    expect(whileConsuming).toBeLessThanOrEqual(1);
    // The next member of the group starts after the last message: nothing is handed over again.
    expect(await committed(groupId, topic)).toBe(MESSAGES);
  });

  it('with a short interval, an idle consumer commits its last offsets without another message', async () => {
    const { consumer, groupId, topic, commits } = await consumeOneByOne(500);
    try {
      await waitFor(async () => (await committed(groupId, topic)) === MESSAGES, { timeoutMs: 15_000, what: 'the last offset committed while idle' });
      expect(commits()).toBeLessThan(MESSAGES);
    } finally {
      await consumer.disconnect();
    }
  });
});
