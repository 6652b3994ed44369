import { IndexedArticle, ListedArticle } from './indexed-article';
import { SubjectIndex } from './subject-index';
import { packTermIds } from './term-ids';

/**
 * What the index keeps per article: the listing, and the filter fields as short arrays of shared
 * strings. Tens of thousands of articles name the same few thousand entities, types, countries and
 * sources; as parsed from BSON each article held its own copies, in Sets (a hash table each), which
 * was most of the index's heap (heap snapshot in bench/README.md, "Indexer memory").
 */
export interface StoredArticle extends ListedArticle {
  slot: number;
  /** See term-ids.ts. */
  termIds: string;
  /**
   * The ids (SubjectIndex) of its entity keys (entity ids, folded names and surface forms, places'
   * included) and of its place keys (places' and the primary location's), packed as term ids are:
   * ~2 bytes a key where an array of shared strings took 8 and a header.
   */
  entityKeyIds: string;
  placeKeyIds: string;
  entityTypes: readonly string[];
  countryCodes: readonly string[];
  /** lat, lon, lat, lon…: a packed array of doubles instead of an object per point. */
  points: readonly number[];
  /**
   * When an embargo indexed before its end lifts: the article is new to search then, so an
   * `indexedSince` poll counts it from here rather than from `indexedAt`, which it missed.
   */
  listedFrom?: number;
  /** The weather's `backfilledAt` (epoch ms): of two events of one version the later backfill wins (see SearchIndex.holds). */
  backfilledAt?: number;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * One copy of each distinct string (and list of strings). Never shrinks: like the facet dictionary it is bounded by the
 * distinct entities, sources and keys ever indexed, not by the number of articles.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();
  private readonly locations = new Map<string, Readonly<PrimaryLocation>>();

  get size(): number {
    return this.strings.size;
  }

  intern(value: string): string {
    const held = this.strings.get(value);
    if (held !== undefined) return held;
    this.strings.set(value, value);
    return value;
  }

  /** One shared, frozen object per distinct place and point: most stories are filed from a few hundred places. */
  internLocation(location: PrimaryLocation): Readonly<PrimaryLocation> {
    const key = `${location.name}\u0000${location.lat}\u0000${location.lon}`;
    const held = this.locations.get(key);
    if (held) return held;
    const frozen = Object.freeze({ name: this.intern(location.name), lat: location.lat, lon: location.lon });
    this.locations.set(key, frozen);
    return frozen;
  }

  /** One shared, frozen array per distinct list: for lists many articles repeat (entity types, countries). */
  internList(values: Iterable<string>): readonly string[] {
    const list = [...values].sort();
    const key = list.join('\u0000');
    const held = this.lists.get(key);
    if (held) return held;
    const frozen = list.length ? Object.freeze(list.map((value) => this.intern(value))) : NONE;
    this.lists.set(key, frozen);
    return frozen;
  }
}

type PrimaryLocation = NonNullable<ListedArticle['primaryLocation']>;

export function toStoredArticle(article: IndexedArticle, slot: number, termIds: string, pool: StringPool, subjects: SubjectIndex): StoredArticle {
  const location = article.primaryLocation;
  const points = article.points.flatMap((p) => [p.lat, p.lon]);
  return {
    id: article.id,
    version: article.version,
    headline: article.headline,
    ...(article.summary ? { summary: article.summary } : {}),
    publishedAt: article.publishedAt,
    ...(article.releasedAt !== undefined ? { releasedAt: article.releasedAt } : {}),
    ...(article.expiresAt !== undefined ? { expiresAt: article.expiresAt } : {}),
    indexedAt: article.indexedAt,
    sourceId: pool.intern(article.sourceId),
    language: pool.intern(article.language),
    weatherStatus: pool.intern(article.weatherStatus),
    ...(article.storyClusterId ? { storyClusterId: pool.intern(article.storyClusterId) } : {}),
    ...(location ? { primaryLocation: pool.internLocation(location) } : {}),
    slot,
    termIds,
    entityKeyIds: packTermIds(Array.from(article.entityKeys, (key) => subjects.idOf(key))),
    placeKeyIds: packTermIds(Array.from(article.placeKeys, (key) => subjects.idOf(key))),
    entityTypes: pool.internList(article.entityTypes),
    countryCodes: pool.internList(article.countryCodes),
    points: points.length ? points : NONE,
    ...(article.embargoedUntil !== undefined && article.embargoedUntil > article.indexedAt ? { listedFrom: article.embargoedUntil } : {}),
    ...(article.backfilledAt !== undefined ? { backfilledAt: article.backfilledAt } : {}),
  };
}

/** Hits carry the listing fields only, not the index's internals. */
export function listingOf(article: StoredArticle): ListedArticle {
  const { id, version, headline, summary, publishedAt, releasedAt, expiresAt, indexedAt, sourceId, language, weatherStatus, storyClusterId, primaryLocation } = article;
  return {
    id, version, headline, ...(summary ? { summary } : {}), publishedAt,
    ...(releasedAt !== undefined ? { releasedAt } : {}), ...(expiresAt !== undefined ? { expiresAt } : {}), indexedAt, sourceId, language, weatherStatus,
    ...(storyClusterId ? { storyClusterId } : {}), ...(primaryLocation ? { primaryLocation } : {}),
  };
}
