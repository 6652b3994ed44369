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
