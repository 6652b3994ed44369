import { InsertCoalescer, isStoreUnavailable } from '@newsflow/platform';
import mongoose, { Connection } from 'mongoose';
import { targetOf, TcpRelay } from '../support/tcp-relay';
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

  it('fails every caller when the connection to the store is lost, instead of reporting them written', async () => {
    // A relay between the driver and the store, cut as an outage cuts the connection.
    const store = new URL(mongoUriWithDatabase(connection.name));
    const relay = new TcpRelay(targetOf(store, 27017));
    await relay.open();
    const uri = new URL(store);
    uri.hostname = '127.0.0.1';
    uri.port = String(relay.port);
    const viaProxy = await mongoose.createConnection(uri.toString(), { serverSelectionTimeoutMS: 2000 }).asPromise();
    try {
      const inserts = new InsertCoalescer<Doc>(viaProxy.collection<Doc>('docs_outage'));
      expect(await inserts.insert({ _id: 'before', n: 1 })).toBe(true);
      await relay.cut();
      const settled = await Promise.allSettled([inserts.insert({ _id: 'lost-1', n: 2 }), inserts.insert({ _id: 'lost-2', n: 3 })]);
      expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
      // …as the store being away, so ingest answers 503 with Retry-After, not 500.
      expect(settled.every((s) => s.status === 'rejected' && isStoreUnavailable(s.reason))).toBe(true);
      expect(await connection.collection<Doc>('docs_outage').countDocuments({ _id: { $in: ['lost-1', 'lost-2'] } })).toBe(0);
    } finally {
      await viaProxy.close(true).catch(() => undefined);
    }
  });
});
