import { ExpiryQueue } from './expiry-queue';

describe('ExpiryQueue', () => {
  it('gives back what is due, soonest first, and keeps the rest', () => {
    const queue = new ExpiryQueue();
    const times = [50, 10, 40, 10, 30, 20, 60, 5];
    times.forEach((at, slot) => queue.add(at, slot));
    expect(queue.due(4)).toEqual([]);
    expect(queue.due(20)).toEqual([7, expect.any(Number), expect.any(Number), 5]);
    expect(queue.size).toBe(4);
    expect(queue.due(45)).toEqual([4, 2]);
    queue.add(1, 99);
    expect(queue.due(1000)).toEqual([99, 0, 6]);
    expect(queue.size).toBe(0);
  });

  it('orders many random times as a sort would', () => {
    const queue = new ExpiryQueue();
    const times = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 997) + 0.5);
    times.forEach((at, slot) => queue.add(at, slot));
    const order = queue.due(Number.POSITIVE_INFINITY).map((slot) => times[slot]);
    expect(order).toEqual([...times].sort((a, b) => a - b));
  });
});
