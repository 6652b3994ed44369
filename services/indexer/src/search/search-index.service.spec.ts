import { makeArticle } from '@newsflow/contracts/testing';
import { ReadinessState } from '@newsflow/platform';
import type { Connection } from 'mongoose';
import { toSearchDocument } from '../index/search-document';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { IndexLoadingError } from './index-loading.error';
import { parseSearchParams } from './search-params';
import { SearchIndexService } from './search-index.service';

/** A store whose documents arrive only when the test lets them: a large corpus, loading slowly. */
function slowStore() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const document = toSearchDocument(
    { article: makeArticle({ headline: 'Storm over Lisbon', body: 'A storm hit Lisbon.' }), enrichment: { status: 'enriched', language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: '2025-11-24T10:00:00Z' }, weather: { status: 'no-location' } },
    new Date(),
  );
  const documents = {
    follow: () => undefined,
    activeCollection: 'search_articles',
    async *allIndexable() {
      await released;
      yield { ...document, indexedAt: new Date() };
    },
  } as unknown as SearchDocumentRepository;
  const connection = { collection: () => ({ findOne: async () => null }) } as unknown as Connection;
  return { documents, connection, release };
}

describe('SearchIndexService at start-up', () => {
  it('returns from init before the index is loaded, answers searches with a loading error, and holds readiness until loaded', async () => {
    const { documents, connection, release } = slowStore();
    const readiness = new ReadinessState();
    const service = new SearchIndexService(documents, connection, readiness, 60_000);
    await service.onModuleInit();
    readiness.markReady();
    expect(readiness.current).toBe('starting');
    expect(readiness.waitingFor).toEqual(['search index']);
    expect(() => service.search(parseSearchParams({ q: 'storm' }))).toThrow(IndexLoadingError);
    expect(service.status().loading).toEqual({ loaded: 0 });

    release();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(readiness.current).toBe('ready');
    expect(service.search(parseSearchParams({ q: 'storm' })).total).toBe(1);
    expect(service.status().loading).toBeUndefined();
    await service.onModuleDestroy();
  });
});
