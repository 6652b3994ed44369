import { deadLetterTopic } from '@newsflow/contracts';
import { BacklogMonitor, DeadLetterStore, ensureTopics } from '@newsflow/messaging';
import { metricsRegistry } from '@newsflow/platform';
import { Kafka, logLevel } from 'kafkajs';
import { TopicReader } from '../support/topic-reader';
import { requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

describe('dead-letter operations against the real broker', () => {
  const brokers = requireEnv('KAFKA_BROKERS').split(',');
  const origin = unique('it-origin');
  const store = new DeadLetterStore(brokers);

  beforeAll(async () => {
    await ensureTopics(brokers, [origin, deadLetterTopic('indexer')], { partitions: 2, replicationFactor: 1 });
  });

  afterAll(async () => {
    const admin = new Kafka({ clientId: 'it-dlq', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [origin] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('lists and shows parked messages, replays them to where they came from, and purges', async () => {
    const key = unique('key');
    const producer = new Kafka({ clientId: 'it-dlq', brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic: deadLetterTopic('indexer'),
      messages: [{ key, value: '{"articleId":"x"}', headers: { 'event-id': 'e1', 'dlq-original-topic': origin, 'dlq-error-code': 'INDEX.FAILED', 'dlq-error-message': 'boom' } }],
    });
    await producer.disconnect();

    const parked = (await store.list('indexer', 10_000)).find((d) => d.key === key);
    expect(parked).toMatchObject({ originalTopic: origin, errorCode: 'INDEX.FAILED', errorMessage: 'boom', value: '{"articleId":"x"}' });
    if (!parked) throw new Error('parked message not listed');
    expect(await store.show('indexer', parked.partition, parked.offset)).toMatchObject({ key });

    const reader = await TopicReader.start([origin]);
    try {
      expect(await store.replay('indexer', (d) => d.key === key)).toBe(1);
      const replayed = await reader.waitForMessage((m) => m.key === key, 'the replayed message on its original topic');
      expect(replayed.value).toBe('{"articleId":"x"}');
      expect(replayed.headers['event-id']).toBe('e1');
      expect(replayed.headers['dlq-error-code']).toBeUndefined();
      expect(replayed.headers['dlq-replayed-from']).toMatch(/^news\.deadletter\.indexer\.v1:/);
    } finally {
      await reader.stop();
    }

    expect(await store.purge('indexer')).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await store.list('indexer')).length === 0, { what: 'the dead-letter topic to be empty' });
  });

  it("reports the messages parked on a stage's dead-letter topic, whenever parked, and none after a purge", async () => {
    const parkedGauge = async (monitor: BacklogMonitor) => {
      await monitor.sample();
      const metric = await metricsRegistry.getSingleMetric('newsflow_dead_letters_parked')?.get();
      return metric?.values.find((v) => v.labels.topic === deadLetterTopic('indexer'))?.value;
    };
    await store.purge('indexer');
    // A monitor started after the messages were parked, as after a restart: the dead-lettered counter would say 0.
    const producer = new Kafka({ clientId: 'it-dlq', brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: deadLetterTopic('indexer'), messages: [1, 2, 3].map((n) => ({ key: unique(`parked-${n}`), value: '{}' })) });
    await producer.disconnect();

    const monitor = new BacklogMonitor({ brokers, service: 'indexer', serviceVersion: 'test', groupId: unique('it-backlog') });
    try {
      expect(await parkedGauge(monitor)).toBe(3);
      expect(await store.purge('indexer')).toBe(3);
      expect(await parkedGauge(monitor)).toBe(0);
    } finally {
      await monitor.onApplicationShutdown();
    }
  });
});
