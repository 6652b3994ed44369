import { InsertCoalescer } from '@newsflow/platform';
import mongoose, { Connection } from 'mongoose';
import { mongoUriWithDatabase, unique } from '../support/unique';

interface Doc {
  _id: string;
  n: number;
}

describe('InsertCoalescer on the real MongoDB endpoint', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUriWithDatabase(unique('it_coalesce').replace(/-/g, '_'))).asPromise();
  });

  afterAll(async () => {
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('writes concurrent inserts together and tells each caller whether its _id was new', async () => {
    const collection = connection.collection<Doc>('docs');
    await collection.insertOne({ _id: 'taken', n: 0 });
    const inserts = new InsertCoalescer<Doc>(collection, { maxDocuments: 50 });
    const ids = [...Array.from({ length: 120 }, (_, i) => `d${i}`), 'taken', 'd7'];
    const results = await Promise.all(ids.map((id, i) => inserts.insert({ _id: id, n: i + 1 })));
    expect(results.slice(0, 120).every((r) => r === true)).toBe(true);
    // 'taken' was there before, and the second 'd7' lost to the first.
    expect(results.slice(120)).toEqual([false, false]);
    expect(await collection.countDocuments({})).toBe(121);
    expect((await collection.findOne({ _id: 'd7' }))?.n).toBe(8);
    expect((await collection.findOne({ _id: 'taken' }))?.n).toBe(0);
  });

  it('fails only the callers of a batch that could not be written', async () => {
    const collection = connection.collection<Doc>('docs_fail');
    const inserts = new InsertCoalescer<Doc>(collection);
    // A key MongoDB and FerretDB both refuse: field names may not start with '$'.
    const bad = { _id: 'bad', n: 1, $oops: 1 } as unknown as Doc;
    const settled = await Promise.allSettled([inserts.insert({ _id: 'ok', n: 1 }), inserts.insert(bad)]);
    expect(settled[1].status).toBe('rejected');
    expect(await inserts.insert({ _id: 'after', n: 2 })).toBe(true);
    expect(await collection.findOne({ _id: 'after' })).not.toBeNull();
  });
});
