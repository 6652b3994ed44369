import { Logger } from '@nestjs/common';
import { Consumer, IHeaders, Kafka } from 'kafkajs';
import { fetchBatching, kafkaClientConfig, KAFKA_RETRY } from './kafka-settings';

/**
 * A follower's fetch gathers up to 1 MB for up to 1 s: what another instance wrote shows up here
 * that much later at most, and the broker answers one fetch a second instead of one per event.
 */
const FOLLOW_FETCH = fetchBatching(1000, 1024 * 1024);

export interface TopicFollowerOptions {
  brokers: string[];
  topic: string;
  /** One per instance and stable across its restarts, e.g. `<service group>.follow.<host>.<port>`. */
  groupId: string;
  onMessage: (value: Buffer | null, key: Buffer | null, headers: IHeaders | undefined) => Promise<void> | void;
  joinTimeoutMs?: number;
}

/**
 * Reads a whole topic in every instance, each under its own consumer group: for state an instance
 * keeps in memory (the indexer's search index) that must also see what the other instances write.
 * A new group starts at the topic's end, so the state is loaded from the store after `start()`
 * resolves, which waits for the first completed fetch (the end offsets are fixed then, not at the
 * join): anything published later is followed, anything stored before is loaded. The group
 * commits, so a restart resumes where it stopped (replays are harmless for state that keeps the
 * newest version); groups of instances that are gone expire with Kafka's offset
 * retention. A message the handler fails on is logged and skipped: the state is a cache of the
 * store, and the instance's next restart reloads it.
 */
export class TopicFollower {
  private readonly logger = new Logger(TopicFollower.name);
  private consumer?: Consumer;

  constructor(private readonly options: TopicFollowerOptions) {}

  async start(): Promise<void> {
    const { brokers, topic, groupId } = this.options;
    const kafka = new Kafka(kafkaClientConfig({ brokers, clientId: groupId }));
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, sessionTimeout: 30_000, retry: KAFKA_RETRY, ...FOLLOW_FETCH });
    this.consumer = consumer;
    const fetched = new Promise<void>((resolve) => {
      const stopListening = consumer.on(consumer.events.FETCH, () => {
        stopListening();
        resolve();
      });
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        try {
          await this.options.onMessage(message.value, message.key, message.headers);
        } catch (error) {
          this.logger.warn({ msg: 'follower skipped a message it could not apply', topic, partition, offset: message.offset, err: error });
        }
      },
    });
    const timeoutMs = this.options.joinTimeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      fetched,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`following ${topic}: group ${groupId} did not fetch within ${timeoutMs} ms`)), timeoutMs))),
    ]).finally(() => clearTimeout(timer));
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
