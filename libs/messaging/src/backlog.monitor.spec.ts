import { metricsRegistry } from '@newsflow/platform';
import { BacklogMonitor, partitionLag } from './backlog.monitor';
import { messagesHeld } from './dead-letters/dead-letter-store';

describe('partitionLag', () => {
  it('is the distance from the committed offset to the high watermark', () => {
    expect(partitionLag('120', '100')).toBe(20);
    expect(partitionLag('100', '100')).toBe(0);
  });

  it('is unknown while the group has committed nothing on the partition', () => {
    expect(partitionLag('100', '-1')).toBeUndefined();
    expect(partitionLag('-1', 'x')).toBeUndefined();
  });

  it('never goes negative (watermark read before a commit landed)', () => {
    expect(partitionLag('99', '100')).toBe(0);
  });
});

describe('messagesHeld', () => {
  it('counts what each partition holds between its low and high watermarks', () => {
    expect(messagesHeld([{ low: '0', high: '3' }, { low: '5', high: '7' }])).toBe(5);
  });

  it('is zero once a purge moved every low watermark up to the high one', () => {
    expect(messagesHeld([{ low: '3', high: '3' }, { low: '7', high: '7' }])).toBe(0);
    expect(messagesHeld([])).toBe(0);
  });
});

describe('BacklogMonitor', () => {
  it('survives an unreachable broker and keeps going', async () => {
    const monitor = new BacklogMonitor({ brokers: ['127.0.0.1:1'], service: 'test', serviceVersion: '0', groupId: 'unreachable' });
    await expect(monitor.sample()).resolves.toBeUndefined();
    await monitor.onApplicationShutdown();
    expect(metricsRegistry.getSingleMetric('newsflow_consumer_lag')).toBeDefined();
  });
});
