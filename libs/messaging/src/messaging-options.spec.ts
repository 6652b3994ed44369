import { CommonConfigSchema } from '@newsflow/platform';
import { messagingOptionsFromConfig } from './messaging-options';

describe('messagingOptionsFromConfig', () => {
  it('takes the brokers, produce linger and retry policy from the config, and the stage as given', () => {
    const config = CommonConfigSchema.parse({ KAFKA_BROKERS: 'a:1,b:2', KAFKA_PRODUCE_LINGER_MS: '0', MESSAGING_RETRY_MAX_ATTEMPTS: '3' });
    expect(messagingOptionsFromConfig(config, { service: 'weather', serviceVersion: '1.2.3', groupId: 'g' })).toEqual({
      service: 'weather', serviceVersion: '1.2.3', groupId: 'g', brokers: ['a:1', 'b:2'], produceLingerMs: 0,
      retry: { maxAttempts: 3, initialDelayMs: 200, maxDelayMs: 5000 },
    });
  });
});
