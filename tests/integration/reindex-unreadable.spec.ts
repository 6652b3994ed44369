import { makeArticle } from '@newsflow/contracts/testing';
import mongoose, { Connection } from 'mongoose';
import { SearchCollectionsStore } from '../../services/indexer/src/index/search-collections';
import { toSearchDocument } from '../../services/indexer/src/index/search-document';
import { SearchDocumentRepository } from '../../services/indexer/src/index/search-document.repository';
import { Reindexer } from '../../services/indexer/src/reindex/reindexer';
import { mongoUriWithDatabase, unique } from '../support/unique';

const payload = (id: string, headline: string) => ({
  article: makeArticle({ id, version: 1, headline }),
  enrichment: {
    status: 'enriched' as const, language: 'en', primaryLocation: null, enricherVersion: 't', enrichedAt: new Date().toISOString(),
    entities: [{ id: 'place:2542997', type: 'place' as const, name: 'Marrakech', surfaceForms: ['Marrakech'], mentions: [], mentionCount: 1, salience: 0.9, geo: { lat: 31.63, lon: -8, countryCode: 'MA' } }],
  },
  weather: { status: 'no-location' as const },
});

/**
 * A search document whose stored article text does not parse (one written before the payload check:
 * bench/README and the runbook say how one could arise) must neither stop a reindex nor be lost by it.
 */
describe('a reindex over a collection holding a document that no longer parses', () => {
  let connection: Connection;
  const readable = '7c1e2d3f-4a5b-5c6d-8e7f-9a0b1c2d3e4f';
  const broken = '8d2f3e4a-5b6c-5d7e-9f8a-0b1c2d3e4f5a';
  const brokenText = '{"article":{"id":"8d2f3e4a-5b6c-5d7e-9f8a-0b1c2d3e4f5a", truncated';

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUriWithDatabase(unique('it_reindex').replace(/-/g, '_'))).asPromise();
  });

  afterAll(async () => {
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('re-derives every readable document, copies the unreadable one unchanged, names it, and switches', async () => {
    const repository = new SearchDocumentRepository(connection);
    await repository.onModuleInit();
    const document = toSearchDocument(payload(readable, 'Assembly opens'), new Date());
    await repository.upsert(document);
    // As an older indexer wrote it: without the country codes the rebuild derives.
    await connection.collection('search_articles').updateOne({ _id: readable as never }, { $unset: { countryCodes: '' } });
    await connection.collection('search_articles').insertOne({ ...document, _id: broken as never, headline: 'Broken', document: brokenText });

    const lines: string[] = [];
    const store = new SearchCollectionsStore(connection);
    const report = await new Reindexer(store, repository, (name) => connection.dropCollection(name)).run({ settleMs: 0, log: (line) => lines.push(line) });

    expect(report).toMatchObject({ from: 'search_articles', copied: 2, unreadable: [broken] });
    expect(lines.some((line) => line.includes(broken) && line.includes('does not parse'))).toBe(true);
    expect((await store.read()).active).toBe(report.to);
    const rebuilt = connection.collection(report.to);
    expect(await rebuilt.findOne({ _id: broken as never })).toMatchObject({ headline: 'Broken', document: brokenText });
    expect(await rebuilt.findOne({ _id: readable as never })).toMatchObject({ headline: 'Assembly opens', countryCodes: ['MA'] });
  });
});
