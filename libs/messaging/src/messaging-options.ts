import { CommonConfig } from '@newsflow/platform';
import { MessagingOptions } from './messaging.tokens';
import { retryPolicyFromConfig } from './retry-policy';

type MessagingConfig = Pick<CommonConfig, 'KAFKA_BROKERS' | 'KAFKA_PRODUCE_LINGER_MS' | 'MESSAGING_RETRY_MAX_ATTEMPTS' | 'MESSAGING_RETRY_INITIAL_DELAY_MS' | 'MESSAGING_RETRY_MAX_DELAY_MS'>;

/** A stage's messaging options: who it is, and the common settings from its validated config, read in one place for every service. */
export function messagingOptionsFromConfig(config: MessagingConfig, stage: Pick<MessagingOptions, 'service' | 'serviceVersion' | 'groupId'>): MessagingOptions {
  return { ...stage, brokers: config.KAFKA_BROKERS, produceLingerMs: config.KAFKA_PRODUCE_LINGER_MS, retry: retryPolicyFromConfig(config) };
}
