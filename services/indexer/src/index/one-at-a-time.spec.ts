import { oneAtATime } from './one-at-a-time';

describe('oneAtATime', () => {
  it('runs writes under one key one after another, others beside them, and goes on after a failure', async () => {
    let active = 0;
    let most = 0;
    const order: string[] = [];
    const write = (name: string, fail = false) => async () => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      order.push(name);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([
      oneAtATime('a', write('a1')), oneAtATime('a', write('a2', true)), oneAtATime('a', write('a3')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(order).toEqual(['a1', 'a2', 'a3']);
    expect(most).toBe(1);

    most = 0;
    await Promise.all([oneAtATime('b', write('b1')), oneAtATime('c', write('c1'))]);
    expect(most).toBe(2);
  });
});
