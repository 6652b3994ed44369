import { IndexedArticle } from './indexed-article';
import { listingOf, StringPool, toStoredArticle } from './stored-article';
import { SubjectIndex } from './subject-index';
import { forEachTermId } from './term-ids';

const unpack = (packed: string) => {
  const ids: number[] = [];
  forEachTermId(packed, (id) => ids.push(id));
  return ids;
};

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
    const subjects = new SubjectIndex();
    const first = toStoredArticle(article('a', ['person:urquiza', 'urquiza']), 0, '', pool, subjects);
    const stored = toStoredArticle(article('b', ['person:urquiza', 'urquiza', 'person:stock']), 1, '', pool, subjects);
    const ids = ['person:urquiza', 'urquiza', 'person:stock'].map((key) => subjects.find(key));
    expect(ids).toEqual([0, 1, 3]);
    expect(unpack(stored.entityKeyIds)).toEqual([0, 1, 3]);
    expect(unpack(stored.placeKeyIds)).toEqual([subjects.find('marrakech')]);
    expect(stored.countryCodes).toEqual(['MA']);
    expect(stored.entityTypes).toBe(first.entityTypes);
    expect(stored.primaryLocation).toBe(first.primaryLocation);
    expect(stored.points).toEqual([31.63, -8.01, 33.57, -7.59]);
  });

  it('lists an article without the index internals', () => {
    const stored = toStoredArticle(article('a', []), 4, '\u0001\u0001', new StringPool(), new SubjectIndex());
    expect(stored.entityKeyIds).toBe('');
    expect(listingOf(stored)).toEqual({
      id: 'a', version: 1, headline: 'Story a', publishedAt: Date.parse('2025-11-24T09:00:00Z'), sourceId: 'wire', language: 'en',
      weatherStatus: 'attached', primaryLocation: { name: 'Marrakech', lat: 31.63, lon: -8.01 },
    });
  });
});
