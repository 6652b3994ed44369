import { makeArticle } from '@newsflow/contracts/testing';
import mongoose, { Connection } from 'mongoose';
import { toSearchDocument } from '../../services/indexer/src/index/search-document';
import { SearchDocumentRepository } from '../../services/indexer/src/index/search-document.repository';
import { mongoUriWithDatabase, unique } from '../support/unique';

const payload = (version: number, headline: string) => ({
  article: makeArticle({ id: '0b6f7a3e-2f1c-5d4e-8a9b-1c2d3e4f5a6b', version, headline }),
  enrichment: { status: 'enriched' as const, language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: new Date().toISOString() },
  weather: { status: 'no-location' as const },
});

describe('search documents on the real MongoDB endpoint', () => {
  let connection: Connection;
  let repository: SearchDocumentRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUriWithDatabase(unique('it_index').replace(/-/g, '_'))).asPromise();
    repository = new SearchDocumentRepository(connection);
    await repository.onModuleInit();
  });

  afterAll(async () => {
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('never lets an older version overwrite a newer one, and replays change nothing', async () => {
    expect(await repository.upsert(toSearchDocument(payload(2, 'Second'), new Date()))).toBe(true);
    expect(await repository.upsert(toSearchDocument(payload(1, 'First'), new Date()))).toBe(false);
    expect(await repository.upsert(toSearchDocument(payload(2, 'Second'), new Date()))).toBe(true);
    const stored = await repository.findById('0b6f7a3e-2f1c-5d4e-8a9b-1c2d3e4f5a6b');
    expect(stored).toMatchObject({ version: 2, headline: 'Second' });
    expect(await connection.collection('search_articles').countDocuments()).toBe(1);
  });

  it('keeps every version, each read back by an _id lookup, and replays add nothing', async () => {
    for (const [version, headline] of [[1, 'First'], [2, 'Second'], [1, 'First']] as const) {
      await repository.saveVersion(toSearchDocument(payload(version, headline), new Date()));
    }
    const id = '0b6f7a3e-2f1c-5d4e-8a9b-1c2d3e4f5a6b';
    expect(await repository.findVersion(id, 1)).toMatchObject({ _id: id, version: 1, headline: 'First' });
    expect(await repository.findVersion(id, 2)).toMatchObject({ _id: id, version: 2, headline: 'Second' });
    expect(await repository.findVersion(id, 3)).toBeNull();
    expect(await connection.collection('search_article_versions').countDocuments()).toBe(2);
  });

  it('streams every latest document for the start-up index build', async () => {
    const all = [];
    for await (const document of repository.all()) all.push(document);
    expect(all.map((d) => d.version)).toEqual([2]);
  });
});
