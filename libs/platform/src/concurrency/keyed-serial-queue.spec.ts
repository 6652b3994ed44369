import { KeyedSerialQueue } from './keyed-serial-queue';

describe('KeyedSerialQueue', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('runs tasks of one key one at a time in the order queued, and other keys beside them', async () => {
    const queue = new KeyedSerialQueue();
    const log: string[] = [];
    const running = new Map<string, number>();
    let most = 0;
    const task = (key: string, n: number) => async () => {
      running.set(key, (running.get(key) ?? 0) + 1);
      most = Math.max(most, running.get(key) ?? 0);
      log.push(`${key}${n} start`);
      await tick();
      log.push(`${key}${n} end`);
      running.set(key, (running.get(key) ?? 0) - 1);
      return n;
    };
    const results = await Promise.all([queue.run('a', task('a', 1)), queue.run('a', task('a', 2)), queue.run('b', task('b', 1)), queue.run('a', task('a', 3))]);
    expect(results).toEqual([1, 2, 1, 3]);
    expect(most).toBe(1);
    expect(log.filter((l) => l.startsWith('a'))).toEqual(['a1 start', 'a1 end', 'a2 start', 'a2 end', 'a3 start', 'a3 end']);
    // b did not wait for a's queue.
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
    await tick();
    expect(queue.keys).toBe(0);
  });

  it('goes on with the next task of a key when one fails', async () => {
    const queue = new KeyedSerialQueue();
    const failed = queue.run('a', async () => { throw new Error('claim failed'); });
    const next = queue.run('a', async () => 'next');
    await expect(failed).rejects.toThrow('claim failed');
    await expect(next).resolves.toBe('next');
  });
});
