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
  private consumer?: Consumer;

  static async start(topics: string[]): Promise<TopicReader> {
    const reader = new TopicReader();
    const kafka = new Kafka({ clientId: unique('test-reader'), brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    reader.consumer = kafka.consumer({ groupId: unique('test-reader') });
    await reader.consumer.connect();
    await reader.consumer.subscribe({ topics, fromBeginning: true });
    await reader.consumer.run({ eachMessage: async ({ topic, message }) => void reader.messages.push(decode(topic, message)) });
    return reader;
  }

  async waitForMessage(predicate: (m: ReadMessage) => boolean, what: string, timeoutMs = 60_000): Promise<ReadMessage> {
    return waitFor(() => this.messages.find(predicate), { timeoutMs, what });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
