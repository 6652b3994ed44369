import { Kafka } from 'kafkajs';
import { kafkaClientConfig } from './kafka-settings';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

/**
 * Creates missing topics before a stage subscribes (auto-creation is off, so a typo in a topic name
 * fails loudly instead of creating a stray topic). Safe to run from every instance at every start.
 */
export async function ensureTopics(brokers: string[], topics: readonly string[], layout: TopicLayout): Promise<string[]> {
  const admin = new Kafka(kafkaClientConfig({ brokers, clientId: 'newsflow-topic-admin' })).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: layout.partitions,
          replicationFactor: layout.replicationFactor,
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
