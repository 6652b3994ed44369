import { LargeBodyGate } from './large-body-gate';

describe('LargeBodyGate', () => {
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  it('lets `atOnce` in and the others in arrival order as turns end; a waiter that leaves gives up its place', async () => {
    const gate = new LargeBodyGate(2);
    const order: number[] = [];
    const turns = [0, 1, 2, 3, 4].map((i) => {
      const turn = gate.enter();
      void turn.granted.then(() => order.push(i));
      return turn;
    });
    await flush();
    expect(order).toEqual([0, 1]);
    turns[3].release();
    turns[0].release();
    await flush();
    expect(order).toEqual([0, 1, 2]);
    turns[1].release();
    turns[1].release();
    await flush();
    expect(order).toEqual([0, 1, 2, 4]);
    expect(gate.queued).toBe(0);
  });
});
