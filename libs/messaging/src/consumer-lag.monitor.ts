import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { gauge } from '@newsflow/platform';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { kafkaClientConfig } from './kafka-settings';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.tokens';

const lag = gauge('newsflow_consumer_lag', 'Messages not yet committed by the consumer group (high watermark - committed offset)', ['group', 'topic', 'partition']);

export const DEFAULT_LAG_INTERVAL_MS = 10_000;

/** Lag of one partition; undefined while the group has committed nothing there. */
export function partitionLag(highWatermark: string, committed: string): number | undefined {
  const high = Number(highWatermark);
  const done = Number(committed);
  if (!Number.isFinite(high) || !Number.isFinite(done) || done < 0) return undefined;
  return Math.max(0, high - done);
}

/**
 * Samples the stage's consumer lag per topic and partition into a gauge, from the broker's view
 * (committed offsets of the group against the high watermarks), so it also shows a stage that has
 * stopped consuming. Cheap (two admin requests per topic) and failure-tolerant: a failed sample is
 * logged once per outage and the next tick tries again.
 */
@Injectable()
export class ConsumerLagMonitor implements OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
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

  /** One sample of every topic the group has committed offsets for; never throws. */
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
      if (this.failing) this.logger.log({ msg: 'consumer lag sampling works again', groupId: this.options.groupId });
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn({ msg: 'could not sample consumer lag; will keep trying', groupId: this.options.groupId, error: String(error) });
      this.failing = true;
    } finally {
      this.sampling = false;
    }
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
