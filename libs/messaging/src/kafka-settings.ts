import { KafkaOptions, Transport } from '@nestjs/microservices';
import { logLevel, Partitioners, RetryOptions } from 'kafkajs';
import { kafkajsLogCreator } from './kafkajs-logging';
import { paceKafkajsAutoCommits } from './kafkajs-commit-interval';
import { useNativeCrc32cInKafkajs } from './kafkajs-crc32c';
import { fixKafkajsRequestQueueTimer } from './kafkajs-request-queue';

export interface KafkaSettings {
  brokers: string[];
  /** Identifies this process to the broker; shows up in broker logs and quotas. */
  clientId: string;
  /** Consumer group: every instance of one stage shares it, so partitions are split between them. */
  groupId: string;
  /** A new group starts at the earliest offset unless this is false. */
  fromBeginning?: boolean;
  /** How long the broker may hold a fetch to gather a batch (see KAFKA_FETCH_WAIT_MS); 0 answers as soon as anything is there. */
  fetchWaitMs?: number;
  /** With a wait: what a fetch gathers before the broker answers early (KAFKA_FETCH_MIN_BYTES). */
  fetchMinBytes?: number;
  /** Offsets are committed at most this often (KAFKA_COMMIT_INTERVAL_MS); 0 commits after every batch. */
  commitIntervalMs?: number;
}

// Loading this library fixes kafkajs's request-queue timer, gives it the native checksum and makes its
// consumers honour a commit interval, for every Kafka client of the process, whichever way it is built
// (kafkajs-request-queue.ts, kafkajs-crc32c.ts, kafkajs-commit-interval.ts).
fixKafkajsRequestQueueTimer();
useNativeCrc32cInKafkajs();
paceKafkajsAutoCommits();

/** What a fetch gathers before the broker answers early, when a wait is allowed and nothing else is said. */
const FETCH_MIN_BYTES = 32 * 1024;

/** kafkajs's own retry for connection-level failures (broker restart, leader moves). */
export const KAFKA_RETRY: RetryOptions = { initialRetryTime: 300, retries: 10, maxRetryTime: 30000 };

/** Every Kafka client's settings; its warnings and errors are written as the service's own log lines (kafkajs-logging.ts). */
export function kafkaClientConfig(settings: Pick<KafkaSettings, 'brokers' | 'clientId'>) {
  return { clientId: settings.clientId, brokers: settings.brokers, retry: KAFKA_RETRY, logLevel: logLevel.WARN, logCreator: kafkajsLogCreator() };
}

/** Options for `app.connectMicroservice`: the consuming side of a stage. */
export function kafkaConsumerOptions(settings: KafkaSettings): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      client: kafkaClientConfig(settings),
      consumer: { groupId: settings.groupId, allowAutoTopicCreation: false, sessionTimeout: 30000, retry: KAFKA_RETRY, ...fetchBatching(settings.fetchWaitMs ?? 0, settings.fetchMinBytes ?? FETCH_MIN_BYTES) },
      // By default a new group starts from the earliest offset, so nothing published before the first start is skipped.
      subscribe: { fromBeginning: settings.fromBeginning ?? true },
      run: { partitionsConsumedConcurrently: 3, ...commitPacing(settings.commitIntervalMs ?? 0) },
      // Nest appends '-server' to ids by default; we want the group name exactly as configured.
      postfixId: '',
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
    },
  };
}

/**
 * With a wait, the broker holds a fetch until `minBytes` are there or the wait is over: a consumer
 * gets batches instead of one message per fetch and offset commit; idle, an event waits up to that
 * long per hop. Without, kafkajs's long poll answers as soon as one message arrives.
 */
export function fetchBatching(waitMs: number, minBytes = FETCH_MIN_BYTES): { minBytes: number; maxWaitTimeInMs: number } {
  return waitMs > 0 ? { minBytes, maxWaitTimeInMs: waitMs } : { minBytes: 1, maxWaitTimeInMs: 5000 };
}

/** kafkajs's own option, honoured after each batch too once kafkajs-commit-interval.ts has amended it. */
export function commitPacing(intervalMs: number): { autoCommitInterval?: number } {
  return intervalMs > 0 ? { autoCommitInterval: intervalMs } : {};
}
