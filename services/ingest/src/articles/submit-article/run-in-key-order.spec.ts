import { runInKeyOrder } from './run-in-key-order';

describe('runInKeyOrder', () => {
  it('keeps results in input order and same-key tasks in sequence, others in parallel', async () => {
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const task = (key: string, name: string, ms: number) => ({
      key,
      run: async () => {
        running++;
        peak = Math.max(peak, running);
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        running--;
        return name;
      },
    });
    const results = await runInKeyOrder([task('a', 'a1', 30), task('b', 'b1', 5), task('a', 'a2', 1), task('c', 'c1', 5)], 2);
    expect(results).toEqual(['a1', 'b1', 'a2', 'c1']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(peak).toBe(2);
  });
});
