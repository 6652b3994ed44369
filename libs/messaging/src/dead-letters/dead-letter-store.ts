import { deadLetterTopic, PipelineStage } from '@newsflow/contracts';
import { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { kafkaClientConfig } from '../kafka-settings';
import { randomUUID } from 'node:crypto';
import { holdNothing, planReplay, ReplayHold, ReplayReport } from './replay-plan';

export * from './dead-letter-article-ids';
export * from './replay-plan';

export interface DeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  /** The original message value as it was consumed (usually the envelope JSON). */
  value: string | null;
  headers: Record<string, string>;
  originalTopic?: string;
  errorCode?: string;
  errorMessage?: string;
  failedAt?: string;
}

const DLQ_HEADER = /^dlq-/;

/** Messages a topic holds now: what was written to each partition and not yet deleted (a purge moves the low watermark up). */
export function messagesHeld(offsets: ReadonlyArray<{ high: string; low: string }>): number {
  return offsets.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0);
}

function decode(partition: number, message: KafkaMessage): DeadLetter {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString() : String(v ?? '')]),
  );
  return {
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
    headers,
    originalTopic: headers['dlq-original-topic'],
    errorCode: headers['dlq-error-code'],
    errorMessage: headers['dlq-error-message'],
    failedAt: headers['dlq-failed-at'],
  };
}

/**
 * Operators' view of one stage's dead-letter topic: list and inspect what is parked, replay it to
 * the topic it came from (without the dlq-* headers, so it is handled afresh), and purge it.
 * Reading uses a throw-away consumer group that commits nothing, so listing changes nothing.
 */
export class DeadLetterStore {
  private readonly kafka: Kafka;

  constructor(brokers: string[]) {
    this.kafka = new Kafka(kafkaClientConfig({ clientId: 'newsflow-dlq', brokers }));
  }

  async list(stage: PipelineStage, limit = 100): Promise<DeadLetter[]> {
    const topic = deadLetterTopic(stage);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ends = (await admin.fetchTopicOffsets(topic)).filter((p) => BigInt(p.high) > BigInt(p.low));
      if (ends.length === 0) return [];
      return await this.read(topic, ends, limit);
    } finally {
      await admin.disconnect();
    }
  }

  async show(stage: PipelineStage, partition: number, offset: string): Promise<DeadLetter | undefined> {
    return (await this.list(stage, Number.MAX_SAFE_INTEGER)).find((d) => d.partition === partition && d.offset === offset);
  }

  /**
   * Sends parked messages back to their original topics; returns how many were replayed. Checks
   * nothing: operators' replays go through replayChecked with ingest's takedown list.
   */
  async replay(stage: PipelineStage, select: (d: DeadLetter) => boolean = () => true): Promise<number> {
    return (await this.replayChecked(stage, select, holdNothing)).replayed;
  }

  /**
   * Sends the selected parked messages back to their original topics, except those `hold` names a
   * reason for: they stay parked and are reported, one by one. Taken-down stories must not come back.
   */
  async replayChecked(stage: PipelineStage, select: (d: DeadLetter) => boolean, hold: ReplayHold): Promise<ReplayReport> {
    const { send, skipped } = planReplay(await this.list(stage, Number.MAX_SAFE_INTEGER), select, hold);
    if (send.length === 0) return { replayed: 0, skipped };
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      for (const d of send) {
        const headers = Object.fromEntries(Object.entries(d.headers).filter(([k]) => !DLQ_HEADER.test(k)));
        await producer.send({ topic: d.originalTopic as string, acks: -1, messages: [{ key: d.key, value: d.value, headers: { ...headers, 'dlq-replayed-from': `${deadLetterTopic(stage)}:${d.partition}:${d.offset}` } }] });
      }
    } finally {
      await producer.disconnect();
    }
    return { replayed: send.length, skipped };
  }

  /** Deletes everything parked so far (Kafka deletes records up to the current end of each partition). */
  async purge(stage: PipelineStage): Promise<number> {
    const topic = deadLetterTopic(stage);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      const count = messagesHeld(offsets);
      await admin.deleteTopicRecords({ topic, partitions: offsets.map((p) => ({ partition: p.partition, offset: p.high })) });
      return count;
    } finally {
      await admin.disconnect();
    }
  }

  private async read(topic: string, ends: Awaited<ReturnType<Admin['fetchTopicOffsets']>>, limit: number): Promise<DeadLetter[]> {
    const consumer = this.kafka.consumer({ groupId: `newsflow-dlq-reader-${randomUUID()}` });
    const found: DeadLetter[] = [];
    const remaining = new Map(ends.map((p) => [p.partition, BigInt(p.high)]));
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`reading ${topic} took longer than 30 s`)), 30_000);
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              if (found.length < limit) found.push(decode(partition, message));
              const end = remaining.get(partition);
              if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(partition);
              if (remaining.size === 0 || found.length >= limit) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return found.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  }
}
