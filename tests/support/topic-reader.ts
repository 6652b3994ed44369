import { Consumer, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { requireEnv, unique } from './unique';
import { waitFor } from './wait-for';

export interface ReadMessage {
  topic: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

function decode(topic: string, message: KafkaMessage): ReadMessage {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString() : String(v)]),
  );
  return { topic, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers };
}

/** A plain kafkajs consumer in its own group that collects everything on the given topics. */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  /** Highest offset read per `topic:partition`, to tell when the reader has caught up. */
  private readonly positions = new Map<string, number>();
  private consumer?: Consumer;
  private brokers: string[] = [];

  static async start(topics: string[]): Promise<TopicReader> {
    const reader = new TopicReader();
    reader.brokers = requireEnv('KAFKA_BROKERS').split(',');
    const kafka = new Kafka({ clientId: unique('test-reader'), brokers: reader.brokers, logLevel: logLevel.NOTHING });
    reader.consumer = kafka.consumer({ groupId: unique('test-reader') });
    await reader.consumer.connect();
    await reader.consumer.subscribe({ topics, fromBeginning: true });
    await reader.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        reader.messages.push(decode(topic, message));
        reader.positions.set(`${topic}:${partition}`, Number(message.offset));
      },
    });
    return reader;
  }

  async waitForMessage(predicate: (m: ReadMessage) => boolean, what: string, timeoutMs = 60_000): Promise<ReadMessage> {
    return waitFor(() => this.messages.find(predicate), { timeoutMs, what });
  }

  /** Waits until everything written to `topic` so far has been read, so counts can be compared exactly. */
  async waitUntilCaughtUp(topic: string, timeoutMs = 60_000): Promise<void> {
    const admin = new Kafka({ clientId: unique('test-reader-admin'), brokers: this.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      await waitFor(
        () => ends.every((p) => Number(p.high) === 0 || (this.positions.get(`${topic}:${p.partition}`) ?? -1) >= Number(p.high) - 1),
        { timeoutMs, what: `the reader to reach the end of ${topic}` },
      );
    } finally {
      await admin.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
