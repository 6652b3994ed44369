import type { Connection } from 'mongoose';

/**
 * search_meta as a map, for specs: `_id` reads, inserts and guarded `$set`s, what the collections
 * state and the purge log ask of it. `docs` lets a spec write as another instance (or the purge) would.
 */
export function metaConnection(): { connection: Connection; docs: Map<string, Record<string, unknown>> } {
  const docs = new Map<string, Record<string, unknown>>();
  const collection = {
    findOne: async ({ _id }: { _id: string }) => (docs.has(_id) ? { ...docs.get(_id) } : null),
    insertOne: async (doc: { _id: string }) => {
      if (docs.has(doc._id)) throw Object.assign(new Error('duplicate key'), { code: 11000 });
      docs.set(doc._id, { ...doc });
    },
    updateOne: async ({ _id, generation }: { _id: string; generation?: { $lt: number } }, { $set }: { $set: Record<string, unknown> }) => {
      const doc = docs.get(_id);
      if (doc && (!generation || (doc.generation as number) < generation.$lt)) Object.assign(doc, $set);
    },
    deleteMany: async () => undefined,
  };
  return { connection: { collection: () => collection } as unknown as Connection, docs };
}
