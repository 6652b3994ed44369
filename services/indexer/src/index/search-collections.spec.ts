import type { Connection } from 'mongoose';
import { PURGE_RECORD_IDS, PURGE_RECORD_RETENTION_MS, SearchPurgeLog } from './search-collections';

type Doc = Record<string, unknown> & { _id: string };

/** Just what SearchPurgeLog asks of a collection: `_id` reads, inserts, a guarded `$set`, `_id $in` deletes. */
function fakeConnection(): { connection: Connection; docs: Map<string, Doc> } {
  const docs = new Map<string, Doc>();
  const matches = (doc: Doc, filter: Record<string, unknown>) => Object.entries(filter).every(([key, condition]) => {
    if (condition && typeof condition === 'object' && '$lt' in condition) return (doc[key] as number) < (condition as { $lt: number }).$lt;
    if (condition && typeof condition === 'object' && '$in' in condition) return (condition as { $in: unknown[] }).$in.includes(doc[key]);
    return doc[key] === condition;
  });
  const collection = {
    findOne: async (filter: { _id: string }) => {
      const found = docs.get(filter._id);
      return found ? structuredClone(found) : null;
    },
    insertOne: async (doc: Doc) => {
      if (docs.has(doc._id)) throw Object.assign(new Error('duplicate key'), { code: 11000 });
      docs.set(doc._id, structuredClone(doc));
    },
    updateOne: async (filter: Record<string, unknown>, update: { $set: Record<string, unknown> }) => {
      const doc = [...docs.values()].find((d) => matches(d, filter));
      if (doc) Object.assign(doc, update.$set);
    },
    deleteMany: async (filter: Record<string, unknown>) => {
      for (const doc of [...docs.values()]) if (matches(doc, filter)) docs.delete(doc._id);
    },
  };
  return { connection: { collection: () => collection } as unknown as Connection, docs };
}

describe('SearchPurgeLog', () => {
  const deletedFrom = new Date('2026-12-07T12:00:00Z');

  it('hands an indexer the ids purged since the generation it has applied', async () => {
    const { connection } = fakeConnection();
    const log = new SearchPurgeLog(connection);
    expect(await log.head()).toEqual({ generation: 0, oldest: 1 });
    expect(await log.since(0)).toEqual({ generation: 0, batches: [], complete: true });
    expect(await log.append(['a', 'b'], deletedFrom)).toBe(1);
    expect(await log.append(['c'], deletedFrom)).toBe(2);
    expect(await log.since(0)).toEqual({ generation: 2, batches: [{ ids: ['a', 'b'], deletedFrom }, { ids: ['c'], deletedFrom }], complete: true });
    expect(await log.since(1)).toEqual({ generation: 2, batches: [{ ids: ['c'], deletedFrom }], complete: true });
    expect(await log.since(2)).toEqual({ generation: 2, batches: [], complete: true });
  });

  it('splits a large purge into records of at most PURGE_RECORD_IDS ids', async () => {
    const { connection, docs } = fakeConnection();
    const log = new SearchPurgeLog(connection);
    const ids = Array.from({ length: PURGE_RECORD_IDS * 2 + 1 }, (_, i) => `id-${i}`);
    expect(await log.append(ids, deletedFrom)).toBe(3);
    expect((docs.get('purge:3')?.ids as string[]).length).toBe(1);
    expect((await log.since(0)).batches.flatMap((b) => b.ids)).toEqual(ids);
  });

  it('takes the next generation when a concurrent purge claimed one, and never moves the head back', async () => {
    const { connection, docs } = fakeConnection();
    const log = new SearchPurgeLog(connection);
    await log.append(['a'], deletedFrom);
    // Another run inserted record 2 and has not moved the head yet.
    docs.set('purge:2', { _id: 'purge:2', generation: 2, ids: ['x'], deletedFrom, at: deletedFrom });
    expect(await log.append(['b'], deletedFrom)).toBe(3);
    expect((await log.head()).generation).toBe(3);
    expect((await log.since(1)).batches.map((b) => b.ids)).toEqual([['x'], ['b']]);
  });

  it('prunes records older than the retention, keeping the newest, and tells an indexer that missed them to reload', async () => {
    const { connection, docs } = fakeConnection();
    const log = new SearchPurgeLog(connection);
    const day = 24 * 3600_000;
    await log.append(['a'], deletedFrom, new Date(deletedFrom.getTime() - 3 * day));
    await log.append(['b'], deletedFrom, new Date(deletedFrom.getTime() - 2 * day));
    await log.append(['c'], deletedFrom, deletedFrom);
    expect(await log.prune(deletedFrom, day)).toBe(2);
    expect([...docs.keys()].filter((id) => id.startsWith('purge:'))).toEqual(['purge:3']);
    expect(await log.head()).toMatchObject({ generation: 3, oldest: 3 });
    expect(await log.since(2)).toEqual({ generation: 3, batches: [{ ids: ['c'], deletedFrom }], complete: true });
    expect(await log.since(1)).toMatchObject({ generation: 3, complete: false });
    expect(await log.prune(deletedFrom, day)).toBe(0);
  });

  it('hands an indexer starting up every record it still keeps, from the oldest, not only what comes after the head', async () => {
    const { connection } = fakeConnection();
    const log = new SearchPurgeLog(connection);
    expect(await log.retained()).toEqual({ generation: 0, batches: [], complete: true });
    const day = 24 * 3600_000;
    await log.append(['a'], deletedFrom, new Date(deletedFrom.getTime() - 40 * day));
    await log.append(['b'], deletedFrom, new Date(deletedFrom.getTime() - 20 * day));
    await log.append(['c'], deletedFrom, deletedFrom);
    expect((await log.retained()).batches.map((b) => b.ids)).toEqual([['a'], ['b'], ['c']]);
    // Kept as long as a parked version can be replayed (dead-letter topics keep 30 days): 'b' stays.
    expect(PURGE_RECORD_RETENTION_MS).toBeGreaterThan(30 * day);
    expect(await log.prune(deletedFrom)).toBe(1);
    expect(await log.retained()).toEqual({ generation: 3, batches: [{ ids: ['b'], deletedFrom }, { ids: ['c'], deletedFrom }], complete: true });
  });
});
