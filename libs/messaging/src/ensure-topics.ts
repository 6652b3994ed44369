import { Admin, Kafka } from 'kafkajs';
import { kafkaClientConfig } from './kafka-settings';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

const ATTEMPTS = 15;

async function createMissing(admin: Admin, topics: readonly string[], layout: TopicLayout, created: Set<string>): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length > 0) {
    missing.forEach((t) => created.add(t));
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: layout.partitions, replicationFactor: layout.replicationFactor })),
    });
  }
  // Every partition must have a leader before anyone subscribes or produces.
  const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
  const leaderless = metadata.topics.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
  if (leaderless.length > 0) throw new Error(`no leader yet for ${leaderless.map((t) => t.name).join(', ')}`);
}

/**
 * Creates missing topics before a stage subscribes (auto-creation is off, so a typo in a topic name
 * fails loudly instead of creating a stray topic). Every instance of every stage runs this at start,
 * often at the same moment on a fresh broker, so "already exists" and "not yet hosted" answers from
 * a concurrent creation are expected and retried until the topics are usable.
 */
/** Returns the topics this call tried to create (possibly racing another creator). */
export async function ensureTopics(brokers: string[], topics: readonly string[], layout: TopicLayout): Promise<string[]> {
  const admin = new Kafka(kafkaClientConfig({ brokers, clientId: 'newsflow-topic-admin' })).admin();
  await admin.connect();
  try {
    let lastError: unknown;
    const created = new Set<string>();
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        await createMissing(admin, topics, layout, created);
        return [...created];
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** attempt, 3000)));
      }
    }
    throw new Error(`could not create topics ${topics.join(', ')}: ${String((lastError as Error)?.message ?? lastError)}`);
  } finally {
    await admin.disconnect();
  }
}
