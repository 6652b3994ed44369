import { makeArticle } from '@newsflow/contracts/testing';
import { toSearchDocument } from '../index/search-document';
import { toIndexedArticle } from './indexed-article';
import { SearchIndex } from './search-index';
import { parseSearchParams } from './search-params';

type Entity = { id: string; type: 'person' | 'organization' | 'place'; name: string; geo?: { lat: number; lon: number; countryCode?: string } };

type Release = { pubStatus?: 'usable' | 'withheld' | 'canceled'; embargoedUntil?: string };

type Primary = { name: string; lat: number; lon: number; entityId: string; confidence: number; reason: string };
type Options = { entities?: Entity[]; publishedAt?: string; id?: string; version?: number; source?: string; weather?: 'no-location' | 'unavailable'; primary?: Primary; indexedAt?: string; cluster?: string; backfilledAt?: string } & Release;

function indexed(headline: string, body: string, options: Options = {}) {
  const article = makeArticle({
    headline, body, publishedAt: options.publishedAt ?? '2025-11-24T09:00:00Z', storyClusterId: options.cluster ?? 'cluster-1',
    ...(options.pubStatus ? { pubStatus: options.pubStatus } : {}), ...(options.embargoedUntil ? { embargoedUntil: options.embargoedUntil } : {}),
    ...(options.id ? { id: options.id } : {}), ...(options.version ? { version: options.version } : {}),
    ...(options.source ? { source: { id: options.source } } : {}),
  });
  const entities = (options.entities ?? []).map((e) => ({ ...e, surfaceForms: [e.name], mentions: [], mentionCount: 1, salience: 0.5 }));
  const payload = {
    article,
    enrichment: { status: 'enriched' as const, language: 'en', entities, primaryLocation: options.primary ?? null, enricherVersion: 't', enrichedAt: '2025-11-24T10:00:00Z' },
    weather: { status: options.weather ?? ('no-location' as const), ...(options.backfilledAt ? { backfilledAt: options.backfilledAt } : {}) },
  };
  return toIndexedArticle(toSearchDocument(payload, new Date(options.indexedAt ?? Date.now())));
}

const search = (index: SearchIndex, query: Record<string, string>) => index.search(parseSearchParams(query));

describe('SearchIndex', () => {
  const index = new SearchIndex();
  const marrakech: Entity = { id: 'place:2542997', type: 'place', name: 'Marrakech', geo: { lat: 31.63, lon: -8.01, countryCode: 'MA' } };
  const urquiza: Entity = { id: 'person:valdecy-urquiza', type: 'person', name: 'Valdecy Urquiza' };
  const interpol = indexed('INTERPOL General Assembly opens in Marrakech', 'Police chiefs gathered.', { entities: [marrakech, urquiza], publishedAt: '2025-11-24T09:00:00Z' });
  const mention = indexed('Football results', 'A long body about football that mentions Interpol once among many other words here.', { publishedAt: '2025-11-25T09:00:00Z', source: 'sports-wire' });
  const other = indexed('Rain in London', 'Heavy rain fell.', { publishedAt: '2025-11-26T09:00:00Z' });
  [interpol, mention, other].forEach((a) => index.put(a));

  it('ranks a headline match above a body mention', () => {
    const result = search(index, { q: 'interpol' });
    expect(result.hits.map((h) => h.article.id)).toEqual([interpol.id, mention.id]);
    expect(result.hits[0].key.score).toBeGreaterThan(result.hits[1].key.score ?? 0);
  });

  it('matches stems and folded accents', () => {
    expect(search(index, { q: 'assemblies' }).hits.map((h) => h.article.id)).toEqual([interpol.id]);
    expect(search(index, { q: 'MARRÂKECH' }).total).toBe(1);
  });

  it('filters by entity id or name, place, country, source, time and distance', () => {
    const ids = (query: Record<string, string>) => search(index, query).hits.map((h) => h.article.id);
    expect(ids({ entity: 'Valdecy Urquiza' })).toEqual([interpol.id]);
    expect(ids({ entity: 'person:valdecy-urquiza' })).toEqual([interpol.id]);
    expect(ids({ place: 'marrakech' })).toEqual([interpol.id]);
    expect(ids({ country: 'ma' })).toEqual([interpol.id]);
    expect(ids({ source: 'sports-wire' })).toEqual([mention.id]);
    expect(ids({ near: '31.63,-8.0', radiusKm: '50' })).toEqual([interpol.id]);
    expect(ids({ near: '51.5,-0.12', radiusKm: '50' })).toEqual([]);
    expect(ids({ from: '2025-11-25', to: '2025-11-25T23:59:59Z' })).toEqual([mention.id]);
    expect(ids({ entityType: 'person' })).toEqual([interpol.id]);
    expect(ids({ cluster: 'cluster-1' })).toHaveLength(3);
  });

  it('sorts by time without q and pages with a keyset', () => {
    const first = search(index, { limit: '2' });
    expect(first.total).toBe(3);
    expect(first.hits.map((h) => h.article.id)).toEqual([other.id, mention.id]);
    const next = index.search(parseSearchParams({ limit: '2' }), { key: first.hits[1].key });
    expect(next.hits.map((h) => h.article.id)).toEqual([interpol.id]);
  });

  it('pages by relevance through writes made between pages without skipping or repeating a hit', () => {
    const own = new SearchIndex();
    const story = (n: number) => indexed(`Vienna council story ${n}`, `The Vienna council met.${' Council members spoke.'.repeat(n % 5)} Item ${n}.`, {
      id: `0f8a1c2e-7a1b-5c3d-9e4f-${String(n).padStart(12, '0')}`, publishedAt: `2025-11-${10 + (n % 15)}T09:00:00Z`,
    });
    for (let n = 0; n < 30; n += 1) own.put(story(n));
    const expected = search(own, { q: 'vienna council', limit: '100' }).hits.map((h) => h.article.id);
    const params = parseSearchParams({ q: 'vienna council', limit: '5' });
    const seen: string[] = [];
    let outcome = own.search(params);
    for (let page = 0; ; page += 1) {
      seen.push(...outcome.hits.map((h) => h.article.id));
      const last = outcome.hits.at(-1);
      if (!outcome.hasMore || !last) break;
      // Every write moves BM25's statistics: article count, average lengths, word frequencies.
      own.put(indexed(`Kenyan runner wins marathon ${page}`, 'A long unrelated story about running, with many more words in its body than the others.'));
      own.put(indexed(`Council vote ${page}`, 'The council voted.', { publishedAt: '2025-11-01T09:00:00Z' }));
      outcome = own.search(params, { key: last.key, basis: outcome.basis });
    }
    // Each hit once, the first page's order kept; stories written meanwhile may join where they score.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => expected.includes(id))).toEqual(expected);
  });

  it('counts facets over the whole result set', () => {
    const { facets } = search(index, { limit: '1' });
    expect(facets.sources).toEqual(expect.arrayContaining([{ id: 'sports-wire', count: 1 }, { id: 'test-wire', count: 2 }]));
    expect(facets.places).toEqual([{ id: 'place:2542997', name: 'Marrakech', count: 1 }]);
    expect(facets.entities).toEqual([{ id: 'person:valdecy-urquiza', name: 'Valdecy Urquiza', type: 'person', count: 1 }]);
  });

  it('finds what was indexed since a time, for a client polling for new and changed articles', () => {
    const own = new SearchIndex();
    const id = '0f8a1c2e-7a1b-5c3d-9e4f-444444444444';
    own.put(indexed('Old story', 'Body.', { publishedAt: '2025-11-20T09:00:00Z', indexedAt: '2025-11-20T09:01:00Z' }));
    // A correction of an old story is indexed late: it is what changed, whatever its publication time.
    own.put(indexed('Corrected story', 'Body.', { id, version: 2, publishedAt: '2025-11-01T09:00:00Z', indexedAt: '2025-11-24T10:00:00Z' }));
    const changed = search(own, { indexedSince: '2025-11-24T00:00:00Z' });
    expect(changed.hits.map((h) => [h.article.id, h.article.version])).toEqual([[id, 2]]);
    expect(changed.hits[0].article.indexedAt).toBe(Date.parse('2025-11-24T10:00:00Z'));
  });

  it('gives a poll an embargoed story once its embargo lifts, though it was indexed before the poll\'s time', () => {
    const own = new SearchIndex();
    const indexedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const lifts = Date.now() + 60_000;
    own.put(indexed('Budget embargoed', 'Figures.', { indexedAt, embargoedUntil: new Date(lifts).toISOString() }));
    own.put(indexed('Budget old news', 'Figures.', { indexedAt }));
    const lastPoll = new Date(Date.now() - 60_000).toISOString();
    expect(search(own, { indexedSince: lastPoll }).total).toBe(0);
    const now = jest.spyOn(Date, 'now').mockReturnValue(lifts + 30_000);
    try {
      expect(search(own, { indexedSince: lastPoll }).hits.map((h) => h.article.headline)).toEqual(['Budget embargoed']);
    } finally {
      now.mockRestore();
    }
  });

  it('counts a story placed only by its dateline in the places facet, as place= finds it', () => {
    const own = new SearchIndex();
    const zurich = { name: 'Zürich', lat: 47.37, lon: 8.55, entityId: 'place:2657896', confidence: 0.95, reason: 'dateline' };
    own.put(indexed('Stadtrat beschliesst Budget', 'ZÜRICH — Der Stadtrat hat das Budget beschlossen.', { primary: zurich }));
    own.put(indexed('Zurich council passes budget', 'The council passed it.', { entities: [{ id: 'place:2657896', type: 'place', name: 'Zürich' }] }));
    const found = search(own, { place: 'Zurich' });
    expect(found.total).toBe(2);
    expect(found.facets.places).toEqual([{ id: 'place:2657896', name: 'Zürich', count: 2 }]);
  });

  it('keeps the newest version and forgets the terms of the one it replaced', () => {
    const own = new SearchIndex();
    const id = '0b6f7a3e-2f1c-5d4e-8a9b-1c2d3e4f5a6b';
    expect(own.put(indexed('Old headline about volcanoes', 'Body.', { id, version: 2 }))).toBe(true);
    expect(own.put(indexed('Older headline about glaciers', 'Body.', { id, version: 1 }))).toBe(false);
    expect(own.put(indexed('New headline about rivers', 'Body.', { id, version: 3 }))).toBe(true);
    expect(search(own, { q: 'volcano' }).total).toBe(0);
    expect(search(own, { q: 'glacier' }).total).toBe(0);
    expect(search(own, { q: 'rivers' }).total).toBe(1);
    expect(own.size).toBe(1);
  });

  it('answers a query of only stop words or symbols with nothing', () => {
    expect(search(index, { q: '(a+)+$' })).toMatchObject({ total: 0, hits: [] });
  });
});

describe('SearchIndex collapsing a story cluster', () => {
  const index = new SearchIndex();
  const first = indexed('Storm hits Lisbon harbour', 'The storm hit Lisbon.', { cluster: 'storm', publishedAt: '2025-11-24T09:00:00Z', source: 'wire-a' });
  const rewrite = indexed('Storm hits Lisbon', 'A storm hit the harbour of Lisbon on Monday.', { cluster: 'storm', publishedAt: '2025-11-24T10:00:00Z', source: 'wire-b' });
  const third = indexed('Lisbon storm damage', 'Damage in Lisbon.', { cluster: 'storm', publishedAt: '2025-11-24T11:00:00Z', source: 'wire-c' });
  const alone = indexed('Lisbon council meets', 'The council met.', { cluster: 'council', publishedAt: '2025-11-24T08:00:00Z' });
  [first, rewrite, third, alone].forEach((a) => index.put(a));

  it('keeps the best ranked article of each cluster and says how many matched in it', () => {
    const byTime = search(index, { collapse: 'cluster' });
    expect(byTime.total).toBe(2);
    expect(byTime.hits.map((h) => [h.article.id, h.clusterMatches])).toEqual([[third.id, 3], [alone.id, 1]]);
    const byRelevance = search(index, { q: 'storm harbour', collapse: 'cluster' });
    const plain = search(index, { q: 'storm harbour' });
    expect(byRelevance.total).toBe(1);
    expect(byRelevance.hits.map((h) => h.article.id)).toEqual([plain.hits[0].article.id]);
    expect(byRelevance.hits[0].clusterMatches).toBe(3);
    expect(byRelevance.facets.sources).toHaveLength(1);
    expect(plain.hits[0].clusterMatches).toBeUndefined();
  });

  it('counts only the matches of the search in a cluster, and pages over clusters', () => {
    expect(search(index, { q: 'damage', collapse: 'cluster' }).hits.map((h) => [h.article.id, h.clusterMatches])).toEqual([[third.id, 1]]);
    const page = search(index, { collapse: 'cluster', limit: '1' });
    expect(page.hasMore).toBe(true);
    const next = index.search(parseSearchParams({ collapse: 'cluster', limit: '1' }), { key: page.hits[0].key });
    expect(next.hits.map((h) => h.article.id)).toEqual([alone.id]);
    expect(next.hasMore).toBe(false);
  });
});

describe('SearchIndex.holds, which lets a replica skip what it already has', () => {
  it('holds a version once it has it, unless its weather is still to come', () => {
    const index = new SearchIndex();
    const id = '0f8a1c2e-7a1b-5c3d-9e4f-222222222222';
    expect(index.holds(id, 1)).toBe(false);
    index.put(indexed('Storm nears coast', 'Winds rose.', { id, version: 1, weather: 'unavailable' }));
    // The weather stage republishes this same version once the provider answers again.
    expect(index.holds(id, 1)).toBe(false);
    index.put(indexed('Storm nears coast', 'Winds rose.', { id, version: 1 }));
    expect(index.holds(id, 1)).toBe(true);
    expect(index.holds(id, 2)).toBe(false);
    index.put(indexed('Storm hits coast', 'Winds rose.', { id, version: 2, weather: 'unavailable' }));
    expect(index.holds(id, 1)).toBe(true);
  });

  it('takes a version again when it brings later backfilled weather (an embargo\'s refresh), and never an earlier one back', () => {
    const index = new SearchIndex();
    const id = '0f8a1c2e-7a1b-5c3d-9e4f-333333333333';
    const since = (iso: string) => search(index, { q: 'summit', indexedSince: iso }).total;
    index.put(indexed('Summit opens', 'Leaders met.', { id, version: 1, indexedAt: '2026-12-07T08:00:00Z' }));
    const refresh = Date.parse('2026-12-07T10:00:00Z');
    expect(index.holds(id, 1)).toBe(true);
    expect(index.holds(id, 1, refresh)).toBe(false);
    expect(index.put(indexed('Summit opens', 'Leaders met.', { id, version: 1, indexedAt: '2026-12-07T10:00:01Z', backfilledAt: '2026-12-07T10:00:00Z' }))).toBe(true);
    // A poll for changes since before the refresh sees it.
    expect(since('2026-12-07T09:00:00Z')).toBe(1);
    expect(index.holds(id, 1, refresh)).toBe(true);
    expect(index.holds(id, 1, refresh - 1)).toBe(true);
    expect(index.holds(id, 1)).toBe(true);
    // An old redelivery (no backfill, or an earlier one) does not take the refreshed weather back.
    expect(index.put(indexed('Summit opens', 'Leaders met.', { id, version: 1, indexedAt: '2026-12-07T11:00:00Z' }))).toBe(false);
    expect(index.put(indexed('Summit opens', 'Leaders met.', { id, version: 1, indexedAt: '2026-12-07T11:00:00Z', backfilledAt: '2026-12-07T09:59:00Z' }))).toBe(false);
    expect(since('2026-12-07T10:30:00Z')).toBe(0);
    expect(index.holds(id, 1, refresh + 60_000)).toBe(false);
    expect(index.holds(id, 2)).toBe(false);
  });
});

describe('SearchIndex and the source\'s release', () => {
  it('takes a killed or withheld article out of the listing, and an older version does not bring it back', () => {
    const index = new SearchIndex();
    const id = '0f8a1c2e-7a1b-5c3d-9e4f-111111111111';
    index.put(indexed('Quake toll rises', 'Rescuers searched.', { id, version: 1 }));
    expect(search(index, { q: 'quake' }).total).toBe(1);
    expect(index.put(indexed('Quake toll rises', 'Rescuers searched.', { id, version: 2, pubStatus: 'canceled' }))).toBe(true);
    expect(search(index, { q: 'quake' }).total).toBe(0);
    expect(index.put(indexed('Quake toll rises', 'Rescuers searched.', { id, version: 1 }))).toBe(false);
    expect(search(index, { q: 'quake' }).total).toBe(0);
    expect(index.versionOf(id)).toBe(2);
    index.put(indexed('Quake toll rises again', 'Rescuers searched on.', { id, version: 3, pubStatus: 'usable' }));
    expect(search(index, { q: 'quake' }).hits.map((h) => h.article.version)).toEqual([3]);
  });

  it('lists an embargoed article only once its embargo has passed', () => {
    const index = new SearchIndex();
    index.put(indexed('Budget embargoed', 'Figures.', { embargoedUntil: new Date(Date.now() + 60 * 60_000).toISOString() }));
    index.put(indexed('Budget leaked', 'Figures.', { embargoedUntil: new Date(Date.now() - 60_000).toISOString() }));
    expect(search(index, { q: 'budget' }).hits.map((h) => h.article.headline)).toEqual(['Budget leaked']);
    const later = Date.now() + 2 * 60 * 60_000;
    const now = jest.spyOn(Date, 'now').mockReturnValue(later);
    try {
      expect(search(index, { q: 'budget' }).total).toBe(2);
    } finally {
      now.mockRestore();
    }
  });
});

describe('SearchIndex postings across versions', () => {
  it('keeps document frequencies and results right while articles are replaced many times', () => {
    const index = new SearchIndex();
    const id = '0b0e3c5e-0000-4000-8000-000000000001';
    for (let version = 1; version <= 60; version += 1) {
      index.put(indexed(version % 2 ? 'Storm hits the coast' : 'Flood hits the valley', 'Rescue teams arrived.', { id, version }));
    }
    index.put(indexed('Storm warning for the islands', 'Ferries stay in port.'));
    const storm = search(index, { q: 'storm' });
    const flood = search(index, { q: 'flood' });
    // Version 60 is about a flood: the storm postings of the 30 odd versions are dead, not counted.
    expect(storm.total).toBe(1);
    expect(flood.hits.map((h) => h.article.id)).toEqual([id]);
    expect(flood.hits[0].article).not.toHaveProperty('termIds');
    expect(index.size).toBe(2);
  });
});

describe('SearchIndex entity and place lookups without a query', () => {
  it('finds articles by entity id or name and forgets replaced versions', () => {
    const index = new SearchIndex();
    const urquiza: Entity = { id: 'person:valdecy-urquiza', type: 'person', name: 'Valdecy Urquiza' };
    const id = '0b0e3c5e-0000-4000-8000-000000000002';
    index.put(indexed('INTERPOL elects a president', 'Delegates voted.', { id, version: 1, entities: [urquiza] }));
    index.put(indexed('Unrelated story', 'Nothing here.'));
    expect(search(index, { entity: 'Valdecy Urquiza' }).hits.map((h) => h.article.id)).toEqual([id]);
    expect(search(index, { entity: 'person:valdecy-urquiza' }).total).toBe(1);
    index.put(indexed('INTERPOL elects a president', 'Delegates voted; the winner was not named.', { id, version: 2 }));
    expect(search(index, { entity: 'Valdecy Urquiza' }).total).toBe(0);
  });
});

describe('SearchIndex.delete, for an article `npm run purge` removed', () => {
  it('stops listing it, and takes any version of it afresh, version 1 included', () => {
    const index = new SearchIndex();
    const id = '0f8a1c2e-7a1b-5c3d-9e4f-333333333333';
    index.put(indexed('Libel case heard', 'The court sat.', { id, version: 2, indexedAt: '2026-12-01T10:00:00Z' }));
    index.put(indexed('Libel ruling due', 'The judge retired.'));
    expect(index.delete(id)).toBe(true);
    expect(search(index, { q: 'libel' }).hits.map((h) => h.article.headline)).toEqual(['Libel ruling due']);
    expect(index.versionOf(id)).toBeUndefined();
    expect(index.holds(id, 1)).toBe(false);
    expect(index.delete(id)).toBe(false);
    expect(index.put(indexed('Libel case heard', 'The court sat.', { id, version: 1 }))).toBe(true);
    expect(search(index, { q: 'libel' }).total).toBe(2);
    expect(index.size).toBe(2);
  });

  it('forgets a killed article too, and keeps a version indexed after the purge began', () => {
    const index = new SearchIndex();
    const killed = '0f8a1c2e-7a1b-5c3d-9e4f-444444444444';
    index.put(indexed('Quake toll rises', 'Rescuers searched.', { id: killed, version: 2, pubStatus: 'canceled' }));
    expect(index.delete(killed)).toBe(true);
    expect(index.versionOf(killed)).toBeUndefined();
    const resubmitted = '0f8a1c2e-7a1b-5c3d-9e4f-555555555555';
    index.put(indexed('Quake toll revised', 'Rescuers searched.', { id: resubmitted, version: 1, indexedAt: '2026-12-07T12:00:30Z' }));
    expect(index.delete(resubmitted, Date.parse('2026-12-07T12:00:10Z'))).toBe(false);
    expect(search(index, { q: 'quake' }).total).toBe(1);
    expect(index.delete(resubmitted, Date.parse('2026-12-07T12:01:00Z'))).toBe(true);
    expect(search(index, { q: 'quake' }).total).toBe(0);
  });
});
