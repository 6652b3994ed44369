import { IndexableDocument } from '../index/search-document';
import { analyze, nameKey, SEARCH_FIELDS, SearchField } from './analyzer';
import { Point } from './geo';

export interface EntityRef {
  id: string;
  name: string;
  type: string;
}

/** An article as search hits list it. */
export interface ListedArticle {
  id: string;
  version: number;
  headline: string;
  summary?: string;
  publishedAt: number;
  /**
   * When the story became public, where that is later than `publishedAt`: the end of its embargo.
   * Time order and `from`/`to` go by this (see releaseTimeOf); hits show it.
   */
  releasedAt?: number;
  /** The source's expiry (epoch ms): the article is served until then, not from then on. */
  expiresAt?: number;
  /** When this version (or its backfilled weather) was indexed: what a client polling for changes asks by. */
  indexedAt: number;
  sourceId: string;
  language: string;
  weatherStatus: string;
  storyClusterId?: string;
  primaryLocation?: { name: string; lat: number; lon: number };
}

/** What the in-memory index is given per article: the listing, filter fields, field lengths and terms; no body. */
export interface IndexedArticle extends ListedArticle {
  entities: EntityRef[];
  entityTypes: Set<string>;
  /** Entity ids and the folded names and surface forms, for `entity=` (id or name). */
  entityKeys: Set<string>;
  /** The same for places only (and the primary location), for `place=`. */
  placeKeys: Set<string>;
  points: Point[];
  countryCodes: Set<string>;
  lengths: Record<SearchField, number>;
  /** term → [headline, summary, body] counts; the index turns it into postings and does not keep it. */
  terms: Map<string, [number, number, number]>;
  /** The source's status when not usable: such an article is not listed (see SearchIndex.put). */
  pubStatus?: 'withheld' | 'canceled';
  /** Epoch ms of the source's embargo: listed only from then on. */
  embargoedUntil?: number;
  /** Epoch ms of the weather's `backfilledAt`: this version republished with later weather (a backfill, an embargo's refresh). */
  backfilledAt?: number;
}

/**
 * The time a story went public: its embargo's end when that is later than its publication time,
 * else `publishedAt`. A story released from embargo is news at its release, so it sorts and filters
 * among the stories published then, not among those written while it waited.
 */
export function releaseTimeOf(article: Pick<ListedArticle, 'publishedAt' | 'releasedAt'>): number {
  return article.releasedAt ?? article.publishedAt;
}

export function toIndexedArticle(doc: IndexableDocument): IndexedArticle {
  const { article, enrichment } = doc.document;
  const entities = enrichment.entities;
  const entityKeys = new Set<string>();
  const placeKeys = new Set<string>();
  const points: Point[] = [];
  const countries = new Set(doc.countryCodes);
  for (const entity of entities) {
    const keys = [entity.id, nameKey(entity.name), ...entity.surfaceForms.map(nameKey)].filter(Boolean);
    keys.forEach((key) => entityKeys.add(key));
    if (entity.type !== 'place') continue;
    keys.forEach((key) => placeKeys.add(key));
    if (entity.geo) points.push({ lat: entity.geo.lat, lon: entity.geo.lon });
  }
  const primary = enrichment.primaryLocation;
  if (primary) {
    placeKeys.add(nameKey(primary.name));
    if (primary.entityId) placeKeys.add(primary.entityId);
    points.push({ lat: primary.lat, lon: primary.lon });
    if (primary.countryCode) countries.add(primary.countryCode);
  }
  const fields: Record<SearchField, string> = { headline: doc.headline, summary: doc.summary ?? '', body: article.body };
  const terms = new Map<string, [number, number, number]>();
  const lengths = { headline: 0, summary: 0, body: 0 };
  SEARCH_FIELDS.forEach((field, slot) => {
    const analysed = analyze(fields[field]);
    lengths[field] = analysed.length;
    for (const term of analysed) {
      let counts = terms.get(term);
      if (!counts) terms.set(term, (counts = [0, 0, 0]));
      counts[slot] += 1;
    }
  });
  const unique = new Map(entities.map((e) => [e.id, { id: e.id, name: e.name, type: e.type }]));
  // A story placed only by its dateline (one in a language the enricher does not read) has no
  // entities, but `place=` finds it there: the places facet counts it too, or the two disagree.
  if (primary?.entityId && !unique.has(primary.entityId)) unique.set(primary.entityId, { id: primary.entityId, name: primary.name, type: 'place' });
  const publishedAt = doc.publishedAt.getTime();
  const embargoedUntil = article.embargoedUntil ? Date.parse(article.embargoedUntil) : undefined;
  return {
    id: doc._id,
    version: doc.version,
    headline: doc.headline,
    ...(doc.summary ? { summary: doc.summary } : {}),
    publishedAt,
    indexedAt: new Date(doc.indexedAt).getTime(),
    sourceId: doc.sourceId,
    language: doc.language.toLowerCase(),
    weatherStatus: doc.weatherStatus,
    ...(article.storyClusterId ? { storyClusterId: article.storyClusterId } : {}),
    ...(doc.primaryLocation ? { primaryLocation: doc.primaryLocation } : {}),
    entities: [...unique.values()],
    entityTypes: new Set(doc.entityTypes),
    entityKeys,
    placeKeys,
    points,
    countryCodes: countries,
    lengths,
    terms,
    ...(article.pubStatus === 'withheld' || article.pubStatus === 'canceled' ? { pubStatus: article.pubStatus } : {}),
    ...(embargoedUntil !== undefined ? { embargoedUntil } : {}),
    ...(embargoedUntil !== undefined && embargoedUntil > publishedAt ? { releasedAt: embargoedUntil } : {}),
    ...(article.expiresAt ? { expiresAt: Date.parse(article.expiresAt) } : {}),
    ...(doc.weatherBackfilledAt ? { backfilledAt: new Date(doc.weatherBackfilledAt).getTime() } : {}),
  };
}
