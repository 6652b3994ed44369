import { histogramTotals } from '../metrics/metrics';
import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('flushes the callers of one tick together, then what queued during the flush as the next batch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const coalescer = new Coalescer<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((n) => ({ ok: true, value: n * 10 }));
    });
    const first = [coalescer.submit(1), coalescer.submit(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const later = [coalescer.submit(3), coalescer.submit(4), coalescer.submit(5)];
    release();
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2], [3, 4, 5]]);
  });

  it('settles each caller with its own outcome, and fails a whole batch whose flush throws', async () => {
    let call = 0;
    const coalescer = new Coalescer<string, string>(async (items) => {
      if (++call === 2) throw new Error('store away');
      return items.map((s) => (s === 'bad' ? { ok: false, error: new Error(`rejected ${s}`) } : { ok: true, value: s }));
    });
    const outcomes = await Promise.allSettled([coalescer.submit('good'), coalescer.submit('bad')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('rejected bad');
    await expect(coalescer.submit('x')).rejects.toThrow('store away');
    await expect(coalescer.submit('y')).resolves.toBe('y');
  });

  it('starts a new batch when the next item does not fit, never leaving an item out', async () => {
    const batches: number[][] = [];
    const coalescer = new Coalescer<number, void>(async (items) => {
      batches.push(items);
      return items.map(() => ({ ok: true, value: undefined }));
    }, { fits: (batch) => batch.length < 2 });
    await Promise.all([1, 2, 3, 4, 5].map((n) => coalescer.submit(n)));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('records the size of each batch a named coalescer flushes', async () => {
    const sizes = () => histogramTotals('newsflow_batch_items', { target: 'spec' });
    const before = await sizes();
    const coalescer = new Coalescer<number, void>(async (items) => items.map(() => ({ ok: true, value: undefined })), { fits: (batch) => batch.length < 3, target: 'spec' });
    await Promise.all([1, 2, 3, 4].map((n) => coalescer.submit(n)));
    const after = await sizes();
    expect({ count: after.count - before.count, sum: after.sum - before.sum }).toEqual({ count: 2, sum: 4 });
  });

  it('with a linger, waits that long for items submitted a few milliseconds apart', async () => {
    const batches: number[][] = [];
    const coalescer = new Coalescer<number, void>(async (items) => {
      batches.push(items);
      return items.map(() => ({ ok: true, value: undefined }));
    }, { lingerMs: 40 });
    const first = coalescer.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all([first, coalescer.submit(2)]);
    expect(batches).toEqual([[1, 2]]);
  });
});
