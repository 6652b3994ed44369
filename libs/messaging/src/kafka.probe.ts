import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthProbe } from '@newsflow/platform';
import { Admin, Kafka } from 'kafkajs';
import { kafkaClientConfig } from './kafka-settings';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.tokens';

/** Ready only while the broker answers a metadata request. */
@Injectable()
export class KafkaProbe implements HealthProbe, OnApplicationShutdown {
  readonly name = 'kafka';
  private admin?: Admin;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async check(): Promise<void> {
    if (!this.admin) {
      const kafka = new Kafka({
        ...kafkaClientConfig({ brokers: this.options.brokers, clientId: `${this.options.service}-health` }),
        retry: { retries: 0 },
      });
      this.admin = kafka.admin();
    }
    await this.admin.connect();
    const cluster = await this.admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no brokers in cluster metadata');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }
}
