import { makeArticle } from '@newsflow/contracts/testing';
import { toSearchDocument } from '../index/search-document';
import { toIndexedArticle } from './indexed-article';
import { SearchIndex } from './search-index';
import { parseSearchParams } from './search-params';

const NOW = Date.parse('2026-12-07T21:30:00Z');
const marrakech = { id: 'place:2542997', type: 'place' as const, name: 'Marrakech', geo: { lat: 31.63, lon: -8.01, countryCode: 'MA' } };

type Options = { id?: string; version?: number; publishedAt?: string; embargoedUntil?: string; expiresAt?: string; indexedAt?: string; cluster?: string; source?: string };

function indexed(headline: string, options: Options = {}) {
  const { id, version, publishedAt, embargoedUntil, expiresAt, cluster, source } = options;
  const article = makeArticle({
    headline, body: 'MARRAKECH — Police chiefs met in Marrakech.', publishedAt: publishedAt ?? '2026-12-07T09:00:00Z',
    ...(id ? { id } : {}), ...(version ? { version } : {}), ...(embargoedUntil ? { embargoedUntil } : {}), ...(expiresAt ? { expiresAt } : {}),
    ...(cluster ? { storyClusterId: cluster } : {}), ...(source ? { source: { id: source } } : {}),
  });
  const entities = [{ ...marrakech, surfaceForms: ['Marrakech'], mentions: [], mentionCount: 1, salience: 0.5 }];
  const payload = {
    article,
    enrichment: { status: 'enriched' as const, language: 'en', entities, primaryLocation: null, enricherVersion: 't', enrichedAt: '2026-12-07T09:00:00Z' },
    weather: { status: 'no-location' as const },
  };
  return toIndexedArticle(toSearchDocument(payload, new Date(options.indexedAt ?? '2026-12-07T09:01:00Z')));
}

const at = (time: number) => jest.spyOn(Date, 'now').mockReturnValue(time);
const headlines = (index: SearchIndex, query: Record<string, string>) => index.search(parseSearchParams(query)).hits.map((h) => h.article.headline);

afterEach(() => jest.restoreAllMocks());

describe('SearchIndex in release order', () => {
  // Written at 10:00 under embargo until 21:00; a story published at 20:00 went out before it.
  const released = () => indexed('Budget released', { publishedAt: '2026-12-07T10:00:00Z', embargoedUntil: '2026-12-07T21:00:00Z', indexedAt: '2026-12-07T10:01:00Z' });
  const evening = () => indexed('Evening story', { publishedAt: '2026-12-07T20:00:00Z' });
  const morning = () => indexed('Morning story', { publishedAt: '2026-12-07T11:00:00Z' });

  it('sorts a story released from embargo at its release, newest first, and pages in that order', () => {
    at(NOW);
    const index = new SearchIndex();
    [morning(), released(), evening()].forEach((a) => index.put(a));
    expect(headlines(index, { sort: 'time' })).toEqual(['Budget released', 'Evening story', 'Morning story']);
    const first = index.search(parseSearchParams({ sort: 'time', limit: '1' }));
    const second = index.search(parseSearchParams({ sort: 'time', limit: '2' }), { key: first.hits[0].key });
    expect(second.hits.map((h) => h.article.headline)).toEqual(['Evening story', 'Morning story']);
    // Relevance ties are broken by the release time too.
    expect(headlines(index, { q: 'marrakech' })).toEqual(['Budget released', 'Evening story', 'Morning story']);
  });

  it('gives a hit its release time beside its publication time', () => {
    at(NOW);
    const index = new SearchIndex();
    index.put(released());
    index.put(evening());
    const [budget, other] = index.search(parseSearchParams({ sort: 'time' })).hits.map((h) => h.article);
    expect(budget).toMatchObject({ publishedAt: Date.parse('2026-12-07T10:00:00Z'), releasedAt: Date.parse('2026-12-07T21:00:00Z'), indexedAt: Date.parse('2026-12-07T10:01:00Z') });
    expect(other.releasedAt).toBeUndefined();
  });

  it('filters from/to by the release time: the released story belongs to the evening, not the morning', () => {
    at(NOW);
    const index = new SearchIndex();
    [morning(), released(), evening()].forEach((a) => index.put(a));
    expect(headlines(index, { from: '2026-12-07T19:00:00Z' })).toEqual(['Budget released', 'Evening story']);
    expect(headlines(index, { to: '2026-12-07T12:00:00Z' })).toEqual(['Morning story']);
  });

  it('ignores an embargo that ended before the story was published', () => {
    at(NOW);
    const index = new SearchIndex();
    index.put(indexed('Odd embargo', { publishedAt: '2026-12-07T12:00:00Z', embargoedUntil: '2026-12-07T08:00:00Z' }));
    index.put(evening());
    expect(headlines(index, { sort: 'time' })).toEqual(['Evening story', 'Odd embargo']);
    expect(index.search(parseSearchParams({ to: '2026-12-07T12:00:00Z' })).hits[0].article.releasedAt).toBeUndefined();
  });
});

describe('SearchIndex and the source\'s expiry', () => {
  const id = '0f8a1c2e-7a1b-5c3d-9e4f-777777777777';
  const expiresAt = '2026-12-07T22:00:00Z';

  it('stops listing, counting and faceting an article at its expiry, without any new event', () => {
    at(NOW);
    const index = new SearchIndex();
    index.put(indexed('Licensed feature', { id, expiresAt, cluster: 'feature', source: 'licensed-wire' }));
    index.put(indexed('Own story', { cluster: 'feature' }));
    const before = index.search(parseSearchParams({ q: 'marrakech', collapse: 'cluster' }));
    expect(before.hits[0].clusterMatches).toBe(2);
    expect(index.search(parseSearchParams({ source: 'licensed-wire' })).hits[0].article.expiresAt).toBe(Date.parse(expiresAt));
    expect(index.search(parseSearchParams({ place: 'Marrakech' })).facets.sources.map((f) => f.id).sort()).toEqual(['licensed-wire', 'test-wire']);

    at(Date.parse(expiresAt));
    expect(headlines(index, { q: 'marrakech' })).toEqual(['Own story']);
    const after = index.search(parseSearchParams({ q: 'marrakech', collapse: 'cluster' }));
    expect(after).toMatchObject({ total: 1, hits: [{ clusterMatches: 1 }] });
    expect(after.facets.sources).toEqual([{ id: 'test-wire', count: 1 }]);
    expect(after.facets.places).toEqual([{ id: 'place:2542997', name: 'Marrakech', count: 1 }]);
    expect(index.search(parseSearchParams({ source: 'licensed-wire' })).total).toBe(0);
    expect(index.search(parseSearchParams({ cluster: 'feature' })).total).toBe(1);
    expect(index.size).toBe(1);
  });

  it('holds an expired article like a kill: the same or an older version does not bring it back, a renewal does', () => {
    at(NOW);
    const index = new SearchIndex();
    index.put(indexed('Licensed feature', { id, version: 2, expiresAt }));
    at(Date.parse(expiresAt) + 1);
    expect(index.expire()).toBe(1);
    expect(index.versionOf(id)).toBe(2);
    expect(index.holds(id, 2)).toBe(true);
    expect(index.put(indexed('Licensed feature', { id, version: 1 }))).toBe(false);
    expect(headlines(index, {})).toEqual([]);
    index.put(indexed('Licensed feature, licence renewed', { id, version: 3, expiresAt: '2026-12-31T00:00:00Z' }));
    expect(headlines(index, {})).toEqual(['Licensed feature, licence renewed']);
  });

  it('never lists an article loaded after its expiry, as after a restart', () => {
    at(NOW);
    const index = new SearchIndex();
    expect(index.put(indexed('Licensed feature', { id, expiresAt: '2026-12-07T21:00:00Z' }))).toBe(true);
    index.put(indexed('Own story'));
    expect(headlines(index, { q: 'marrakech' })).toEqual(['Own story']);
    expect(index.versionOf(id)).toBe(1);
  });

  it('forgets the expiry of a version replaced before its time', () => {
    at(NOW);
    const index = new SearchIndex();
    index.put(indexed('Licensed feature', { id, version: 1, expiresAt }));
    index.put(indexed('Licensed feature, no expiry', { id, version: 2 }));
    at(Date.parse(expiresAt) + 60_000);
    expect(index.expire()).toBe(0);
    expect(headlines(index, {})).toEqual(['Licensed feature, no expiry']);
  });
});
