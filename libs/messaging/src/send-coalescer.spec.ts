import { TopicMessages } from 'kafkajs';
import { SendCoalescer } from './send-coalescer';

describe('SendCoalescer', () => {
  it('sends the callers of one tick in one request and queued callers together in the next', async () => {
    const requests: TopicMessages[][] = [];
    let release!: () => void;
    const coalescer = new SendCoalescer(async (topicMessages) => {
      requests.push(topicMessages);
      if (requests.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = [coalescer.send('a', { key: '1', value: 'x' }), coalescer.send('b', { key: '2', value: 'y' })];
    await new Promise((resolve) => setImmediate(resolve));
    expect(requests).toHaveLength(1);
    const later = [coalescer.send('a', { key: '3', value: 'z' }), coalescer.send('a', { key: '4', value: 'w' })];
    release();
    await Promise.all([...first, ...later]);
    expect(requests.map((r) => r.map((t) => [t.topic, t.messages.map((m) => m.key)]))).toEqual([
      [['a', ['1']], ['b', ['2']]],
      [['a', ['3', '4']]],
    ]);
  });

  it('rejects exactly the callers whose request failed', async () => {
    let calls = 0;
    const coalescer = new SendCoalescer(async () => {
      if (++calls === 1) throw new Error('broker unavailable');
    });
    const failing = coalescer.send('a', { value: 'x' });
    await expect(failing).rejects.toThrow('broker unavailable');
    await expect(coalescer.send('a', { value: 'y' })).resolves.toBeUndefined();
  });

  it('caps a request in bytes but never splits or drops a single large message', async () => {
    const sizes: number[] = [];
    const coalescer = new SendCoalescer(async (topicMessages) => {
      sizes.push(topicMessages.reduce((n, t) => n + t.messages.length, 0));
    }, { maxRequestBytes: 100 });
    const big = 'x'.repeat(150);
    await Promise.all([coalescer.send('a', { value: big }), ...Array.from({ length: 5 }, () => coalescer.send('a', { value: 'y'.repeat(40) }))]);
    expect(sizes).toEqual([1, 2, 2, 1]);
  });

  it('with a linger, waits that long for sends made a few milliseconds apart and carries them together', async () => {
    const requests: number[] = [];
    const coalescer = new SendCoalescer(async (topicMessages) => {
      requests.push(topicMessages.reduce((n, t) => n + t.messages.length, 0));
    }, { lingerMs: 50 });
    const first = coalescer.send('a', { value: 'x' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(requests).toEqual([]);
    await Promise.all([first, coalescer.send('a', { value: 'y' })]);
    expect(requests).toEqual([2]);
  });
});
