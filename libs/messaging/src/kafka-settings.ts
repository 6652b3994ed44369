import { KafkaOptions, Transport } from '@nestjs/microservices';
import { logLevel, Partitioners, RetryOptions } from 'kafkajs';

export interface KafkaSettings {
  brokers: string[];
  /** Identifies this process to the broker; shows up in broker logs and quotas. */
  clientId: string;
  /** Consumer group: every instance of one stage shares it, so partitions are split between them. */
  groupId: string;
  /** A new group starts at the earliest offset unless this is false. */
  fromBeginning?: boolean;
}

/** kafkajs's own retry for connection-level failures (broker restart, leader moves). */
export const KAFKA_RETRY: RetryOptions = { initialRetryTime: 300, retries: 10, maxRetryTime: 30000 };

export function kafkaClientConfig(settings: Pick<KafkaSettings, 'brokers' | 'clientId'>) {
  return { clientId: settings.clientId, brokers: settings.brokers, retry: KAFKA_RETRY, logLevel: logLevel.WARN };
}

/** Options for `app.connectMicroservice`: the consuming side of a stage. */
export function kafkaConsumerOptions(settings: KafkaSettings): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      client: kafkaClientConfig(settings),
      // A fetch waits up to 50 ms for 32 KB: under load a stage gets batches instead of one message per
      // fetch and commit (half the broker's CPU per article in the bench); idle, an event waits ≤ 50 ms per hop.
      consumer: { groupId: settings.groupId, allowAutoTopicCreation: false, sessionTimeout: 30000, retry: KAFKA_RETRY, minBytes: 32 * 1024, maxWaitTimeInMs: 50 },
      // By default a new group starts from the earliest offset, so nothing published before the first start is skipped.
      subscribe: { fromBeginning: settings.fromBeginning ?? true },
      run: { partitionsConsumedConcurrently: 3 },
      // Nest appends '-server' to ids by default; we want the group name exactly as configured.
      postfixId: '',
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
    },
  };
}
