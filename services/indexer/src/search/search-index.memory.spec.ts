import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { IndexedArticle } from './indexed-article';
import { SearchIndex } from './search-index';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ARTICLES = 4000;

/**
 * Shaped like a bench story as the enricher leaves it (bench/README.md, "Indexer memory"): ~37
 * entity keys (ids, folded names, surface forms), a dozen of them places', ten points, a primary
 * location shared with many stories, and people drawn from a large cast, so most keys are rare.
 */
function benchLike(n: number, random: () => number): IndexedArticle {
  const pick = (count: number) => Math.floor(random() * count);
  const people = Array.from({ length: 6 }, () => pick(20_000));
  const orgs = Array.from({ length: 4 }, () => pick(2000));
  const places = Array.from({ length: 4 }, () => pick(3000));
  const placeKeys = places.flatMap((p) => [`place:${p}`, `city ${p}`, `city${p}`]);
  const entityKeys = [...people.flatMap((p) => [`person:p-${p}`, `first${p % 97} last${p}`, `last${p}`]), ...orgs.flatMap((o) => [`organization:o-${o}`, `org ${o}`]), ...placeKeys];
  const primary = places[0] % 40;
  return {
    id: `00000000-0000-5000-8000-${String(n).padStart(12, '0')}`, version: 1, headline: `Ministry ${n % 50} weighs strike in City ${primary}`,
    publishedAt: Date.UTC(2026, 0, 1) + n * 1000, indexedAt: Date.UTC(2026, 0, 2) + n, sourceId: 'bench', language: 'en', weatherStatus: 'attached',
    primaryLocation: { name: `City ${primary}`, lat: primary, lon: -primary },
    entities: [], entityTypes: new Set(['person', 'organization', 'place', 'date']), entityKeys: new Set(entityKeys), placeKeys: new Set(placeKeys),
    points: places.map((p) => ({ lat: p / 100, lon: -p / 100 })), countryCodes: new Set(['IN', 'BG']),
    lengths: { headline: 8, summary: 0, body: 600 }, terms: new Map(),
  };
}

function usedBytes(): number {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

describe('SearchIndex memory', () => {
  it('keeps an article’s listing and filter fields in under 3 KB', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const articles = Array.from({ length: ARTICLES }, (_, n) => benchLike(n, random));
    const before = usedBytes();
    const index = new SearchIndex();
    for (const article of articles) index.put(article);
    const perArticle = (usedBytes() - before) / ARTICLES;
    expect(index.size).toBe(ARTICLES);
    // Key strings included (most keys here are one article's): arrays of keys per article and of
    // slots per key took 4.3 KB an article here, packed key ids and one shared list of (key, slot)
    // entries 2.0 KB (2026-12-08).
    expect(perArticle).toBeLessThan(3000);
  });
});
