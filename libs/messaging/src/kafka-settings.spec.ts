import { fetchBatching, kafkaConsumerOptions } from './kafka-settings';

const consumerOf = (options: ReturnType<typeof kafkaConsumerOptions>) => options.options?.consumer as { minBytes: number; maxWaitTimeInMs: number };

describe('fetch batching', () => {
  it('answers each message at once without a wait (long poll, one byte is enough)', () => {
    expect(fetchBatching(0)).toEqual({ minBytes: 1, maxWaitTimeInMs: 5000 });
    expect(fetchBatching(0, 1024 * 1024)).toEqual({ minBytes: 1, maxWaitTimeInMs: 5000 });
  });

  it('holds a fetch for the wait, or until the minimum bytes are there', () => {
    expect(fetchBatching(50)).toEqual({ minBytes: 32 * 1024, maxWaitTimeInMs: 50 });
    expect(fetchBatching(250, 1024 * 1024)).toEqual({ minBytes: 1024 * 1024, maxWaitTimeInMs: 250 });
  });

  it('reaches the consumer a stage runs', () => {
    const settings = { brokers: ['k:9092'], clientId: 'ingest', groupId: 'g' };
    expect(consumerOf(kafkaConsumerOptions(settings))).toMatchObject({ minBytes: 1, maxWaitTimeInMs: 5000 });
    expect(consumerOf(kafkaConsumerOptions({ ...settings, fetchWaitMs: 250, fetchMinBytes: 4096 }))).toMatchObject({ minBytes: 4096, maxWaitTimeInMs: 250 });
  });
});

describe('commit pacing', () => {
  const settings = { brokers: ['k:9092'], clientId: 'enricher', groupId: 'g' };
  const runOf = (options: ReturnType<typeof kafkaConsumerOptions>) => options.options?.run as { autoCommitInterval?: number };

  it('gives kafkajs an interval only when one is set; 0 keeps its commit after every batch', () => {
    expect(runOf(kafkaConsumerOptions({ ...settings, commitIntervalMs: 1000 })).autoCommitInterval).toBe(1000);
    expect(runOf(kafkaConsumerOptions({ ...settings, commitIntervalMs: 0 }))).not.toHaveProperty('autoCommitInterval');
    expect(runOf(kafkaConsumerOptions(settings))).not.toHaveProperty('autoCommitInterval');
  });
});
