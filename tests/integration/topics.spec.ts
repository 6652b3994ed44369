import { ensureTopics } from '@newsflow/messaging';
import { Kafka, logLevel } from 'kafkajs';
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
