import { makeArticle } from '@newsflow/contracts/testing';
import { ReadinessState } from '@newsflow/platform';
import type { Connection } from 'mongoose';
import { toSearchDocument } from '../index/search-document';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { StoredSearchDocument, toStored } from '../index/stored-search-document';
import { highlightHits } from './search-highlights';
import { parseSearchParams } from './search-params';
import { SearchIndexService } from './search-index.service';

/**
 * One stored document whose text is not JSON (what a message repeating its payload key left behind,
 * security audit finding 1) must cost only that article: before, the start-up load failed on it and
 * was retried forever (never ready), and every highlighted page listing it failed.
 */
const enrichment = { status: 'enriched' as const, language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: '2025-11-24T10:00:00Z' };
const storedArticle = (body: string): StoredSearchDocument =>
  toStored(toSearchDocument({ article: makeArticle({ headline: 'Storm over Lisbon', body }), enrichment, weather: { status: 'no-location' } }, new Date()));
const good = storedArticle('A storm hit Lisbon.');
const bad: StoredSearchDocument = { ...storedArticle('The storm reached Lisbon too.'), document: '{"article":{"headline":"EVIL"}},"producer":"spoofed","pay\\u006coad":{"article":{}}' };

/** The repository over a connection whose every collection holds `stored`. */
function repositoryOver(stored: StoredSearchDocument[]) {
  const collection = (collectionName: string) => ({
    collectionName,
    findOne: async (filter: { _id?: string }) => stored.find((document) => document._id === filter._id) ?? null,
    find: () => (async function* () { yield* stored; })(),
  });
  const connection = { collection } as unknown as Connection;
  return { documents: new SearchDocumentRepository(connection), connection };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('a stored document whose text does not parse', () => {
  it('is left out of the start-up load, which completes and reports ready with the others', async () => {
    const { documents, connection } = repositoryOver([bad, good]);
    const readiness = new ReadinessState();
    const service = new SearchIndexService(documents, connection, readiness, 60_000);
    await service.onModuleInit();
    readiness.markReady();
    await until(() => readiness.current === 'ready');
    expect(readiness.current).toBe('ready');
    const found = service.search(parseSearchParams({ q: 'storm' }));
    expect(found.total).toBe(1);
    expect(service.status().articles).toBe(1);
    await service.onModuleDestroy();
  });

  it('costs a highlighted page only that hit\'s highlights', async () => {
    const { documents } = repositoryOver([bad, good]);
    const [broken, fine] = await highlightHits(documents, 'lisbon', [{ id: bad._id, version: 1 }, { id: good._id, version: 1 }]);
    expect(broken).toEqual({ body: [], matchedTerms: [], matchedWords: [] });
    expect(fine.body).toEqual(['A storm hit <mark>Lisbon</mark>.']);
  });

  it('fails the by-id read of that article only', async () => {
    const { documents } = repositoryOver([bad, good]);
    await expect(documents.findById(bad._id)).rejects.toThrow(`stored search document ${bad._id} (version 1) is not valid JSON`);
    expect((await documents.findById(good._id))?.document.article.body).toBe('A storm hit Lisbon.');
  });
});
