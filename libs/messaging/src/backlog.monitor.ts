import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, PIPELINE_STAGES, PipelineStage } from '@newsflow/contracts';
import { gauge } from '@newsflow/platform';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { messagesHeld } from './dead-letters/dead-letter-store';
import { kafkaClientConfig } from './kafka-settings';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.tokens';

const lag = gauge('newsflow_consumer_lag', 'Messages not yet committed by the consumer group (high watermark - committed offset)', ['group', 'topic', 'partition']);
const parked = gauge('newsflow_dead_letters_parked', "Messages on the stage's dead-letter topic now (written and not purged), whenever they were parked", ['topic']);

export const DEFAULT_LAG_INTERVAL_MS = 10_000;

/** Lag of one partition; undefined while the group has committed nothing there. */
export function partitionLag(highWatermark: string, committed: string): number | undefined {
  const high = Number(highWatermark);
  const done = Number(committed);
  if (!Number.isFinite(high) || !Number.isFinite(done) || done < 0) return undefined;
  return Math.max(0, high - done);
}

/**
 * Samples from the broker what a stage has not done: its consumer lag per topic and partition
 * (committed offsets of the group against the high watermarks), so it also shows a stage that has
 * stopped consuming, and the messages parked on its dead-letter topic, which a restart does not
 * reset as the dead-lettered counter does. Cheap (a few admin requests per tick) and
 * failure-tolerant: a failed sample is logged once per outage and the next tick tries again.
 */
@Injectable()
export class BacklogMonitor implements OnApplicationShutdown {
  private readonly logger = new Logger(BacklogMonitor.name);
  private admin?: Admin;
  private timer?: NodeJS.Timeout;
  private sampling = false;
  private failing = false;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  start(intervalMs = DEFAULT_LAG_INTERVAL_MS): void {
    if (this.timer) return;
    void this.sample();
    this.timer = setInterval(() => void this.sample(), intervalMs);
    this.timer.unref();
  }

  /** One sample of every topic the group has committed offsets for, and of the dead-letter topic; never throws. */
  async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const admin = await this.connectedAdmin();
      const committed = await admin.fetchOffsets({ groupId: this.options.groupId });
      for (const { topic, partitions } of committed) {
        const watermarks = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));
        for (const { partition, offset } of partitions) {
          const value = partitionLag(watermarks.get(partition) ?? '-1', offset);
          if (value !== undefined) lag.set({ group: this.options.groupId, topic, partition: String(partition) }, value);
        }
      }
      const dlq = this.deadLetterTopic();
      if (dlq) parked.set({ topic: dlq }, messagesHeld(await admin.fetchTopicOffsets(dlq)));
      if (this.failing) this.logger.log({ msg: 'backlog sampling (consumer lag, parked messages) works again', groupId: this.options.groupId });
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn({ msg: 'could not sample consumer lag and parked messages; will keep trying', groupId: this.options.groupId, error: String(error) });
      this.failing = true;
    } finally {
      this.sampling = false;
    }
  }

  /** The topic this service parks messages on (every pipeline stage has one; see EventConsumer). */
  private deadLetterTopic(): string | undefined {
    const stage = this.options.service as PipelineStage;
    return PIPELINE_STAGES.includes(stage) ? deadLetterTopic(stage) : undefined;
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const kafka = new Kafka({
        ...kafkaClientConfig({ brokers: this.options.brokers, clientId: `${this.options.service}-lag` }),
        retry: { retries: 1 },
        // Failures are logged here, once per outage, instead of by kafkajs on every tick.
        logLevel: logLevel.NOTHING,
      });
      this.admin = kafka.admin();
    }
    await this.admin.connect();
    return this.admin;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.admin?.disconnect();
  }
}
