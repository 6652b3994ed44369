import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('runs the function once for concurrent callers of the same key', async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    let release!: (n: number) => void;
    const fn = () => {
      calls += 1;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const callers = Array.from({ length: 1000 }, () => flight.run('marrakech', fn));
    expect(callers.filter((c) => c.joined)).toHaveLength(999);
    release(42);
    await expect(Promise.all(callers.map((c) => c.promise))).resolves.toEqual(Array(1000).fill(42));
    expect(calls).toBe(1);
    expect(flight.size).toBe(0);
  });

  it('keeps different keys apart', async () => {
    const flight = new SingleFlight<string>();
    const a = flight.run('a', async () => 'A');
    const b = flight.run('b', async () => 'B');
    expect(b.joined).toBe(false);
    await expect(Promise.all([a.promise, b.promise])).resolves.toEqual(['A', 'B']);
  });

  it('shares a failure with the callers waiting, then forgets it', async () => {
    const flight = new SingleFlight<string>();
    const first = flight.run('k', async () => {
      throw new Error('upstream down');
    });
    const second = flight.run('k', async () => 'unused');
    await expect(first.promise).rejects.toThrow('upstream down');
    await expect(second.promise).rejects.toThrow('upstream down');
    await expect(flight.run('k', async () => 'ok').promise).resolves.toBe('ok');
  });

  it('turns a synchronous throw into a rejection', async () => {
    const flight = new SingleFlight<string>();
    const run = flight.run('k', () => {
      throw new Error('boom');
    });
    await expect(run.promise).rejects.toThrow('boom');
  });
});
