import { deadLetterTopic } from '@newsflow/contracts';
import { ensureTopics, TOPIC_MAX_MESSAGE_BYTES } from '@newsflow/messaging';
import { Admin, ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { requireEnv, unique } from '../support/unique';

describe('ensureTopics', () => {
  const brokers = requireEnv('KAFKA_BROKERS').split(',');

  it('creates missing topics with the configured partition count, and is a no-op the second time', async () => {
    const topics = [unique('it-topic'), unique('it-topic')];
    expect((await ensureTopics(brokers, topics, { partitions: 4, replicationFactor: 1 })).sort()).toEqual([...topics].sort());
    expect(await ensureTopics(brokers, topics, { partitions: 4, replicationFactor: 1 })).toEqual([]);

    const admin = new Kafka({ clientId: 'it-topics', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      expect(metadata.topics.map((t) => t.partitions.length)).toEqual([4, 4]);
      await admin.deleteTopics({ topics });
    } finally {
      await admin.disconnect();
    }
  });
});

describe('ensureTopics from several services starting at once', () => {
  it('leaves every caller with usable topics', async () => {
    const brokers = requireEnv('KAFKA_BROKERS').split(',');
    const topics = [unique('it-race'), unique('it-race'), unique('it-race')];
    await Promise.all([1, 2, 3, 4].map(() => ensureTopics(brokers, topics, { partitions: 3, replicationFactor: 1 })));
    const admin = new Kafka({ clientId: 'it-topics-race', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      expect(metadata.topics.every((t) => t.partitions.length === 3 && t.partitions.every((p) => p.leader >= 0))).toBe(true);
      await admin.deleteTopics({ topics });
    } finally {
      await admin.disconnect();
    }
  });
});

describe('the topics\' message limit', () => {
  const brokers = requireEnv('KAFKA_BROKERS').split(',');
  const kafka = new Kafka({ clientId: 'it-topic-limit', brokers, logLevel: logLevel.NOTHING });
  const configOf = async (admin: Admin, topic: string) => {
    const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
    return Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
  };

  it('lets a new topic carry a story of several MB, end to end through a consumer', async () => {
    const [topic] = [unique('it-large')];
    await ensureTopics(brokers, [topic], { partitions: 1, replicationFactor: 1 });
    const admin = kafka.admin();
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: unique('it-large') });
    await Promise.all([admin.connect(), producer.connect(), consumer.connect()]);
    try {
      expect(Number((await configOf(admin, topic))['max.message.bytes'])).toBe(TOPIC_MAX_MESSAGE_BYTES);
      const value = Buffer.alloc(3 * 1024 * 1024, 'a');
      await producer.send({ topic, messages: [{ key: 'k', value }] });
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<number>((resolve) => void consumer.run({ eachMessage: async ({ message }) => resolve(message.value?.length ?? 0) }));
      expect(await received).toBe(value.length);
    } finally {
      await Promise.all([consumer.disconnect(), producer.disconnect()]);
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
    }
  });

  it('raises the limit of a topic created before it, keeping the topic\'s own settings', async () => {
    const topic = unique('it-old');
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '3600000' }] }] });
      expect(Number((await configOf(admin, topic))['max.message.bytes'])).toBeLessThan(TOPIC_MAX_MESSAGE_BYTES);
      await ensureTopics(brokers, [topic], { partitions: 1, replicationFactor: 1, retentionMs: 7_200_000 });
      const config = await configOf(admin, topic);
      expect(Number(config['max.message.bytes'])).toBe(TOPIC_MAX_MESSAGE_BYTES);
      expect(config['retention.ms']).toBe('3600000');
      await admin.deleteTopics({ topics: [topic] });
    } finally {
      await admin.disconnect();
    }
  });

  it('gives new topics the configured retention, and an older topic without one of its own too; dead-letter topics keep theirs longer', async () => {
    const [created, old] = [unique('it-retention-new'), unique('it-retention-old')];
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic: old, numPartitions: 1 }] });
      expect((await configOf(admin, old))['retention.ms']).toBe('604800000');
      const layout = { partitions: 1, replicationFactor: 1, retentionMs: 7_200_000, deadLetterRetentionMs: 2_592_000_000 };
      await ensureTopics(brokers, [created, old, deadLetterTopic('indexer')], layout);
      expect((await configOf(admin, created))['retention.ms']).toBe('7200000');
      expect((await configOf(admin, old))['retention.ms']).toBe('7200000');
      expect((await configOf(admin, deadLetterTopic('indexer')))['retention.ms']).toBe('2592000000');
      await admin.deleteTopics({ topics: [created, old] });
    } finally {
      await admin.disconnect();
    }
  });
});
