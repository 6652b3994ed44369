import { makeArticle } from '@newsflow/contracts/testing';
import { ReadinessState } from '@newsflow/platform';
import { SearchPurgeLog } from '../index/search-collections';
import { IndexableDocument, toSearchDocument } from '../index/search-document';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { parseSearchParams } from './search-params';
import { SearchIndexService } from './search-index.service';
import { metaConnection } from './meta-connection.testing';

const A = '0f8a1c2e-7a1b-5c3d-9e4f-aaaaaaaaaaaa';
const B = '0f8a1c2e-7a1b-5c3d-9e4f-bbbbbbbbbbbb';
const C = '0f8a1c2e-7a1b-5c3d-9e4f-cccccccccccc';

function stored(id: string, headline: string, indexedAt = new Date()): IndexableDocument {
  const article = makeArticle({ id, headline, body: 'The court sat in Lisbon.' });
  return toSearchDocument(
    { article, enrichment: { status: 'enriched', language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: '2025-11-24T10:00:00Z' }, weather: { status: 'no-location' } },
    indexedAt,
  ) as unknown as IndexableDocument;
}


async function waitUntil(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('SearchIndexService and npm run purge', () => {
  it('drops purged articles on its next poll, keeps a version indexed after the purge, and reloads when it missed purges', async () => {
    const corpus = [stored(A, 'Libel case heard', new Date(Date.now() - 120_000)), stored(B, 'Libel ruling due'), stored(C, 'Libel appeal lodged')];
    const documents = {
      follow: () => undefined,
      activeCollection: 'search_articles',
      async *allIndexable() {
        yield* [...corpus];
      },
    } as unknown as SearchDocumentRepository;
    const { connection, docs } = metaConnection();
    const service = new SearchIndexService(documents, connection, new ReadinessState(), 20);
    const listed = () => service.search(parseSearchParams({ q: 'libel' })).hits.map((h) => h.article.id).sort();
    try {
      await service.onModuleInit();
      await waitUntil(() => service.status().loading === undefined);
      expect(listed()).toEqual([A, B, C].sort());

      const log = new SearchPurgeLog(connection);
      // B was indexed again after the purge began deleting (a resubmission): it stays.
      await log.append([A, B], new Date(Date.now() - 60_000));
      await waitUntil(() => !listed().includes(A));
      expect(listed()).toEqual([B, C].sort());

      // Records this instance needed were pruned: it reloads from the store, which no longer holds C.
      corpus.splice(2, 1);
      await log.append([C], new Date());
      docs.set('purges', { ...docs.get('purges'), generation: 3, oldest: 3 });
      docs.set('purge:3', { _id: 'purge:3', generation: 3, ids: [], deletedFrom: new Date(), at: new Date() });
      await waitUntil(() => !listed().includes(C));
      expect(listed()).toEqual([A, B].sort());
    } finally {
      await service.onModuleDestroy();
    }
  });
});
