import { makeArticle } from '@newsflow/contracts/testing';
import { register } from 'prom-client';
import { toSearchDocument } from './search-document';
import { fromStored, StoredSearchDocument, toIndexable, toStored } from './stored-search-document';

const enrichment = { status: 'enriched' as const, language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: '2025-11-24T10:00:00Z' };
const stored = (): StoredSearchDocument => toStored(toSearchDocument({ article: makeArticle({ body: 'Rain in Bern.' }), enrichment, weather: { status: 'no-location' } }, new Date()));
/** What the indexer stored from a message that repeated its payload key (security audit, finding 1). */
const smuggled = (): StoredSearchDocument => ({ ...stored(), document: '{"article":{"headline":"EVIL"}},"producer":"spoofed","pay\\u006coad":{"article":{}}' });

async function unreadableCount(): Promise<number> {
  const metric = await register.getSingleMetric('newsflow_indexer_unreadable_documents_total')?.get();
  return metric?.values[0]?.value ?? 0;
}

describe('stored search documents', () => {
  it('trims readable text to what the index keeps', () => {
    const document = stored();
    expect(toIndexable(document)?.document.article.body).toBe('Rain in Bern.');
  });

  it('keeps the times the index releases and expires an article by, so a restart honours them', () => {
    const article = makeArticle({ embargoedUntil: '2026-12-08T06:00:00Z', expiresAt: '2027-01-07T00:00:00Z' });
    const document = toStored(toSearchDocument({ article, enrichment, weather: { status: 'no-location' } }, new Date()));
    expect(toIndexable(document)?.document.article).toMatchObject({ embargoedUntil: '2026-12-08T06:00:00Z', expiresAt: '2027-01-07T00:00:00Z' });
  });

  it('leaves text that does not parse out of the index load, counted, instead of failing the load', async () => {
    const before = await unreadableCount();
    expect(toIndexable(smuggled())).toBeUndefined();
    expect(toIndexable({ ...stored(), document: '{"article":null}' })).toBeUndefined();
    expect(await unreadableCount()).toBe(before + 2);
  });

  it('fails a read of such a document with an error naming it', () => {
    const document = smuggled();
    expect(() => fromStored(document)).toThrow(expect.objectContaining({
      code: 'SEARCH_DOCUMENT.UNREADABLE',
      message: expect.stringContaining(`stored search document ${document._id} (version 1) is not valid JSON`),
    }));
  });
});
