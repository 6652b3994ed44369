import { IndexedArticle } from './indexed-article';
import { listingOf, StringPool, toStoredArticle } from './stored-article';

function article(id: string, entityKeys: string[]): IndexedArticle {
  return {
    id, version: 1, headline: `Story ${id}`, publishedAt: Date.parse('2025-11-24T09:00:00Z'), sourceId: 'wire', language: 'en',
    weatherStatus: 'attached', primaryLocation: { name: 'Marrakech', lat: 31.63, lon: -8.01 },
    entities: [], entityTypes: new Set(['person', 'place']), entityKeys: new Set(entityKeys), placeKeys: new Set(['marrakech']),
    points: [{ lat: 31.63, lon: -8.01 }, { lat: 33.57, lon: -7.59 }], countryCodes: new Set(['MA']),
    lengths: { headline: 2, summary: 0, body: 10 }, terms: new Map(),
  };
}

describe('toStoredArticle', () => {
  it('keeps one copy of the strings that articles share and only the new ones of each article', () => {
    const pool = new StringPool();
    const first = toStoredArticle(article('a', ['person:urquiza', 'urquiza']), 0, '', pool);
    const afterFirst = pool.size;
    const stored = toStoredArticle(article('b', ['person:urquiza', 'urquiza', 'person:stock']), 1, '', pool);
    expect(pool.size).toBe(afterFirst + 1);
    expect(stored.entityKeys).toEqual(['person:urquiza', 'urquiza', 'person:stock']);
    expect(stored.countryCodes).toEqual(['MA']);
    expect(stored.entityTypes).toBe(first.entityTypes);
    expect(stored.points).toEqual([31.63, -8.01, 33.57, -7.59]);
  });

  it('lists an article without the index internals', () => {
    const stored = toStoredArticle(article('a', []), 4, '\u0001\u0001', new StringPool());
    expect(stored.entityKeys).toEqual([]);
    expect(listingOf(stored)).toEqual({
      id: 'a', version: 1, headline: 'Story a', publishedAt: Date.parse('2025-11-24T09:00:00Z'), sourceId: 'wire', language: 'en',
      weatherStatus: 'attached', primaryLocation: { name: 'Marrakech', lat: 31.63, lon: -8.01 },
    });
  });
});
