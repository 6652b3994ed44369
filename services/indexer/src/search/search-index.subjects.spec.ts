import { IndexedArticle } from './indexed-article';
import { SearchIndex } from './search-index';
import { parseSearchParams } from './search-params';

/** A seeded article naming `people` of 60 people and a place of 8, with one searchable word. */
function article(n: number, version: number, people: number[], place: number): IndexedArticle {
  const personKeys = people.flatMap((p) => [`person:p-${p}`, `person ${p}`, `surname${p}`]);
  const placeKeys = [`place:${place}`, `town ${place}`];
  return {
    id: `a-${n}`, version, headline: `Story ${n}`, publishedAt: Date.UTC(2025, 0, 1) + n * 60_000, indexedAt: Date.UTC(2025, 0, 2),
    sourceId: 'wire', language: 'en', weatherStatus: 'attached',
    entities: [...people.map((p) => ({ id: `person:p-${p}`, name: `Person ${p}`, type: 'person' })), { id: `place:${place}`, name: `Town ${place}`, type: 'place' }],
    entityTypes: new Set(['person', 'place']), entityKeys: new Set([...personKeys, ...placeKeys]), placeKeys: new Set(placeKeys),
    points: [], countryCodes: new Set(), lengths: { headline: 2, summary: 0, body: 1 }, terms: new Map([['strike', [0, 0, 1]]]),
  };
}

describe('SearchIndex, entity= and place= while articles are replaced and removed', () => {
  it('finds exactly the current articles holding the key, with and without q', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const index = new SearchIndex();
    const current = new Map<number, IndexedArticle>();
    for (let step = 0; step < 3000; step += 1) {
      const n = Math.floor(random() * 400);
      if (random() < 0.1) {
        index.delete(`a-${n}`);
        current.delete(n);
        continue;
      }
      const people = Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * 60));
      const next = article(n, (current.get(n)?.version ?? 0) + 1, people, Math.floor(random() * 8));
      index.put(next);
      current.set(n, next);
    }
    const expected = (holds: (a: IndexedArticle) => boolean) => [...current.values()].filter(holds).map((a) => a.id).sort();
    const found = (query: Record<string, string>) => {
      const result = index.search(parseSearchParams({ ...query, limit: '100' }));
      expect(result.hasMore).toBe(false);
      return result.hits.map((h) => h.article.id).sort();
    };
    for (const p of [0, 17, 59]) {
      const holding = expected((a) => a.entityKeys.has(`person:p-${p}`));
      expect(holding.length).toBeGreaterThan(0);
      expect(found({ entity: `person:p-${p}` })).toEqual(holding);
      expect(found({ entity: `Person ${p}` })).toEqual(holding);
      expect(found({ entity: `person:p-${p}`, q: 'strike' })).toEqual(holding);
    }
    for (const t of [0, 5]) {
      const holding = expected((a) => a.placeKeys.has(`town ${t}`));
      expect(found({ place: `Town ${t}` })).toEqual(holding);
      expect(found({ place: `place:${t}`, q: 'strike' })).toEqual(holding);
      // A place key is not a person: place= does not find people's keys, entity= finds places'.
      expect(found({ place: `Surname${t}`, q: 'strike' })).toEqual([]);
      expect(found({ entity: `place:${t}`, q: 'strike' })).toEqual(holding);
    }
    expect(found({ entity: 'person:nobody' })).toEqual([]);
    expect(found({ entity: 'person:nobody', q: 'strike' })).toEqual([]);
  });
});

