import { Logger } from '@nestjs/common';
import { isDeadLetterTopic } from '@newsflow/contracts';
import { Admin, ConfigResourceTypes, ConfigSource, Kafka } from 'kafkajs';
import { kafkaClientConfig } from './kafka-settings';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
  /** `retention.ms` of the pipeline's topics; undefined leaves the broker's (7 days by default). */
  retentionMs?: number;
  /** `retention.ms` of the dead-letter topics, where a parked message waits for an operator. */
  deadLetterRetentionMs?: number;
}

const ATTEMPTS = 15;

/**
 * The largest message a topic takes (`max.message.bytes`; Kafka's default is 1 MB). An event carries
 * the whole article and each stage adds to it, so a story near ingest's 2 MB request limit needs
 * several MB; ingest refuses anything larger before accepting it (carriable-article.ts).
 */
export const TOPIC_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
const MAX_MESSAGE_BYTES = 'max.message.bytes';
const RETENTION_MS = 'retention.ms';

function retentionOf(topic: string, layout: TopicLayout): number | undefined {
  return isDeadLetterTopic(topic) ? layout.deadLetterRetentionMs : layout.retentionMs;
}

async function createMissing(admin: Admin, topics: readonly string[], layout: TopicLayout, created: Set<string>): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length > 0) {
    missing.forEach((t) => created.add(t));
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic, numPartitions: layout.partitions, replicationFactor: layout.replicationFactor,
        configEntries: [
          { name: MAX_MESSAGE_BYTES, value: String(TOPIC_MAX_MESSAGE_BYTES) },
          ...(retentionOf(topic, layout) !== undefined ? [{ name: RETENTION_MS, value: String(retentionOf(topic, layout)) }] : []),
        ],
      })),
    });
  }
  await settleConfigs(admin, topics.filter((t) => existing.has(t)), layout).catch((error: unknown) => {
    // A cluster whose ACLs deny this client AlterConfigs: the service still starts, and says what to do.
    new Logger('ensureTopics').warn({
      msg: `could not raise ${MAX_MESSAGE_BYTES} to ${TOPIC_MAX_MESSAGE_BYTES} (or set ${RETENTION_MS}) on existing topics; stories whose events exceed the topic's limit will be refused until an operator raises it`,
      topics, error: error instanceof Error ? error.message : String(error),
    });
  });
  // Every partition must have a leader before anyone subscribes or produces.
  const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
  const leaderless = metadata.topics.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
  if (leaderless.length > 0) throw new Error(`no leader yet for ${leaderless.map((t) => t.name).join(', ')}`);
}

/**
 * Topics created before the limit was set keep Kafka's 1 MB, which refused large stories after ingest
 * had accepted them, and those created before retention was set keep the broker's (7 days: parked
 * dead letters expired unseen). The limit is raised; a retention is set only where the topic has
 * none of its own, so one an operator chose stands. kafkajs has only the whole-set AlterConfigs,
 * which resets what it is not given, so the topic's own settings are sent back with the change.
 */
async function settleConfigs(admin: Admin, topics: string[], layout: TopicLayout): Promise<void> {
  if (topics.length === 0) return;
  const described = await admin.describeConfigs({ includeSynonyms: false, resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })) });
  const changes = described.resources.map((r) => {
    const entry = (name: string) => r.configEntries.find((e) => e.configName === name);
    const raise = Number(entry(MAX_MESSAGE_BYTES)?.configValue ?? 0) < TOPIC_MAX_MESSAGE_BYTES;
    const retention = retentionOf(r.resourceName, layout);
    const setRetention = retention !== undefined && entry(RETENTION_MS)?.configSource !== ConfigSource.TOPIC_CONFIG && entry(RETENTION_MS)?.configValue !== String(retention);
    return { r, raise, retention: setRetention ? retention : undefined };
  }).filter((c) => c.raise || c.retention !== undefined);
  if (changes.length === 0) return;
  await admin.alterConfigs({
    validateOnly: false,
    resources: changes.map(({ r, raise, retention }) => ({
      type: ConfigResourceTypes.TOPIC,
      name: r.resourceName,
      configEntries: [
        // Only the topic's own settings: what it inherits from the broker stays inherited.
        ...r.configEntries
          .filter((e) => e.configSource === ConfigSource.TOPIC_CONFIG && !e.isSensitive && !(raise && e.configName === MAX_MESSAGE_BYTES))
          .map((e) => ({ name: e.configName, value: e.configValue })),
        ...(raise ? [{ name: MAX_MESSAGE_BYTES, value: String(TOPIC_MAX_MESSAGE_BYTES) }] : []),
        ...(retention !== undefined ? [{ name: RETENTION_MS, value: String(retention) }] : []),
      ],
    })),
  });
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
