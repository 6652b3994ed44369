import Redis from 'ioredis';
import mongoose, { Connection } from 'mongoose';
import { hashApiKey } from '../../services/ingest/src/sources/api-key';
import { SourceKeysCache } from '../../services/ingest/src/sources/source-keys.cache';
import { Source, SourceRepository } from '../../services/ingest/src/sources/source.repository';
import { freePort } from '../support/service-process';
import { mongoUriWithDatabase, requireEnv, unique } from '../support/unique';

/** Two ingest instances' caches over the same real database and Redis, counting the database lookups each makes. */
describe('source keys cache on the real MongoDB endpoint and Redis', () => {
  let connection: Connection;
  let redis: Redis;
  let repository: SourceRepository;
  let lookups = 0;

  const source = (id: string, key: string): Source => ({
    _id: id, name: id, keyHash: hashApiKey(key), keyPrefix: key.slice(0, 10), disabled: false, rateLimitPerMinute: 600, createdAt: new Date(), updatedAt: new Date(),
  });

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUriWithDatabase(unique('it_source_keys').replace(/-/g, '_'))).asPromise();
    redis = new Redis(requireEnv('REDIS_URL'));
    repository = new SourceRepository(connection);
    await repository.onModuleInit();
    const findByKeyHash = repository.findByKeyHash.bind(repository);
    repository.findByKeyHash = (keyHash: string) => {
      lookups += 1;
      return findByKeyHash(keyHash);
    };
  });

  afterAll(async () => {
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
    redis?.disconnect();
  });

  it('answers repeated submissions from memory, and sees a rotation or a disabled source made elsewhere at once', async () => {
    const [here, elsewhere] = [new SourceKeysCache(repository, redis), new SourceKeysCache(repository, redis)];
    const id = unique('desk');
    await repository.create(source(id, `${id}-key-one-0000`));
    const oldHash = hashApiKey(`${id}-key-one-0000`);

    lookups = 0;
    expect((await here.findByKeyHash(oldHash))?._id).toBe(id);
    expect((await here.findByKeyHash(oldHash))?._id).toBe(id);
    expect((await here.findByKeyHash(oldHash))?._id).toBe(id);
    expect(lookups).toBe(1);

    // The other instance rotates the key: written, then announced.
    await repository.update(id, { keyHash: hashApiKey(`${id}-key-two-0000`) });
    await elsewhere.changed();
    expect(await here.findByKeyHash(oldHash)).toBeNull();
    expect((await here.findByKeyHash(hashApiKey(`${id}-key-two-0000`)))?._id).toBe(id);

    await repository.update(id, { disabled: true });
    await elsewhere.changed();
    expect((await here.findByKeyHash(hashApiKey(`${id}-key-two-0000`)))?.disabled).toBe(true);
  });

  it('does not remember unknown keys, so a key issued a moment later works at once', async () => {
    const cache = new SourceKeysCache(repository, redis);
    const id = unique('late-desk');
    expect(await cache.findByKeyHash(hashApiKey(`${id}-key-0000000`))).toBeNull();
    await repository.create(source(id, `${id}-key-0000000`));
    expect((await cache.findByKeyHash(hashApiKey(`${id}-key-0000000`)))?._id).toBe(id);
  });

  it('goes to the database for every lookup while Redis cannot say whether anything changed', async () => {
    const unreachable = new Redis({ port: await freePort(), lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    const cache = new SourceKeysCache(repository, unreachable);
    const id = unique('offline-desk');
    await repository.create(source(id, `${id}-key-0000000`));
    lookups = 0;
    for (let i = 0; i < 3; i += 1) expect((await cache.findByKeyHash(hashApiKey(`${id}-key-0000000`)))?._id).toBe(id);
    expect(lookups).toBe(3);
    await cache.changed(); // logged, not thrown: the change itself is already stored
    unreachable.disconnect();
  });
});
