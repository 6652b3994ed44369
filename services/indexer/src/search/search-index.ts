import { analyzeQuery, FIELD_WEIGHTS, nameKey, SEARCH_FIELDS } from './analyzer';
import { BM25_B, BM25_K1, idf } from './bm25';
import { ExpiryQueue } from './expiry-queue';
import { isNear, Point } from './geo';
import { IndexedArticle, ListedArticle, releaseTimeOf } from './indexed-article';
import { FacetDictionary, FacetKind } from './facet-dictionary';
import { GrowableFloat64, GrowableInt32 } from './growable';
import { packCounts, PostingList } from './postings';
import { compareSortKeys, PageAfter, ScoreBasis, SortKey } from './search-cursor';
import { SearchParams } from './search-params';
import { listingOf, StoredArticle, StringPool, toStoredArticle } from './stored-article';
import { SubjectIndex } from './subject-index';
import { forEachTermId, includesTermId, packTermIds } from './term-ids';

export interface SearchHit {
  article: ListedArticle;
  key: SortKey;
  /** With `collapse=cluster`: how many matches its story cluster has, itself included. */
  clusterMatches?: number;
}

export interface FacetCount {
  id: string;
  name?: string;
  type?: string;
  count: number;
}

export interface SearchOutcome {
  total: number;
  hits: SearchHit[];
  hasMore: boolean;
  /** Sorted by relevance: what the scores were computed with, for the next page's cursor. */
  basis?: ScoreBasis;
  facets: { entities: FacetCount[]; places: FacetCount[]; sources: FacetCount[] };
}

const FACET_SIZE = 10;

/** Summed BM25F per article slot, and the slots that matched in the order first seen. */
interface Scores {
  bySlot: Float64Array;
  matched: number[];
  basis: ScoreBasis;
}

/**
 * An inverted index in memory: compact postings per term (see PostingList), plus every article's
 * filter fields. Each version of an article gets a new slot, so a replaced version's postings are
 * simply dead until compaction. Single-threaded and synchronous, so a search always sees a
 * consistent index. Putting an article replaces its previous version only when the new version is not
 * older (the same guard as MongoDB).
 */
export class SearchIndex {
  private readonly byId = new Map<string, StoredArticle>();
  private readonly slots: Array<StoredArticle | undefined> = [];
  private readonly termIds = new Map<string, number>();
  private readonly postings: PostingList[] = [];
  private readonly facets = new FacetDictionary();
  private readonly strings = new StringPool();
  /**
   * Per-slot columns read for every match of a search. Kept in typed arrays rather than on the
   * article objects: scanning tens of thousands of scattered objects is bound by cache misses.
   * First, each slot's release time (releaseTimeOf): what time order sorts by.
   */
  private readonly releasedAt = new GrowableFloat64();
  /** headline, summary, body lengths: three entries per slot. */
  private readonly lengths = new GrowableInt32();
  /** Slot s's facet ids are facetPool[facetStart[s] .. facetStart[s + 1]). */
  private readonly facetPool = new GrowableInt32();
  private readonly facetStart = new GrowableInt32();
  /** Entity and place keys (ids, folded names) → slots holding them, for `entity=`/`place=` without `q`. */
  private readonly subjects = new SubjectIndex();
  private readonly totalLength = { headline: 0, summary: 0, body: 0 };
  private readonly isLive = (slot: number) => this.slots[slot] !== undefined;
  /** Articles whose newest version is withheld or canceled → that version; they are not listed. */
  private readonly held = new Map<string, number>();
  /** Slots under embargo → until when (epoch ms); few at any time. */
  private readonly embargoes = new Map<number, number>();
  /** Slots whose article carries an expiry still ahead; at its time the article is taken out (see expire). */
  private readonly expiries = new ExpiryQueue();

  get size(): number {
    return this.byId.size;
  }

  versionOf(id: string): number | undefined {
    return this.byId.get(id)?.version ?? this.held.get(id);
  }

  /**
   * Whether an event of this version would change nothing here: a newer version is held, or this
   * one is, with its weather. The weather stage publishes a version again with `backfilledAt` set
   * when it has weather the version lacked, or fresher weather at an embargo's release: a version
   * held with weather `unavailable` still takes the event, and one held with an earlier backfill (or
   * none) takes an event whose `backfilledAt` (epoch ms) is later.
   */
  holds(id: string, version: number, backfilledAt?: number): boolean {
    const held = this.versionOf(id) ?? 0;
    if (held !== version) return held > version;
    const current = this.byId.get(id);
    if (!current) return true;
    if (current.weatherStatus === 'unavailable') return false;
    return backfilledAt === undefined || backfilledAt <= (current.backfilledAt ?? Number.NEGATIVE_INFINITY);
  }

  /**
   * A withheld or canceled version (a kill) takes the article out of the listing, and an older
   * version arriving later does not bring it back; an embargoed one is listed once its time has come.
   * An expired one is held like a kill: only a newer version (a renewed licence) lists the story again.
   */
  put(article: IndexedArticle): boolean {
    const current = this.byId.get(article.id);
    if (current && current.version > article.version) return false;
    // Of one version, the later backfilled weather stays (an event replayed, or the load meeting a followed event).
    if (current && current.version === article.version && (current.backfilledAt ?? Number.NEGATIVE_INFINITY) > (article.backfilledAt ?? Number.NEGATIVE_INFINITY)) return false;
    if ((this.held.get(article.id) ?? 0) > article.version) return false;
    if (current) this.remove(current);
    const now = Date.now();
    if (article.pubStatus || (article.expiresAt !== undefined && article.expiresAt <= now)) {
      this.held.set(article.id, article.version);
      return true;
    }
    this.held.delete(article.id);
    const { terms } = article;
    const slot = this.slots.length;
    const termIds: number[] = [];
    for (const [term, counts] of terms) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.postings.length;
        this.termIds.set(term, id);
        this.postings.push(new PostingList());
      }
      this.postings[id].add(slot, packCounts(counts));
      termIds.push(id);
    }
    if (slot === 0) this.facetStart.push(0);
    this.facetPool.push(this.facets.idOf('source', article.sourceId));
    for (const e of article.entities) {
      if (e.type !== 'date') this.facetPool.push(this.facets.idOf(e.type === 'place' ? 'place' : 'entity', e.id, e));
    }
    this.facetStart.push(this.facetPool.length);
    this.releasedAt.push(releaseTimeOf(article));
    for (const field of SEARCH_FIELDS) this.lengths.push(article.lengths[field]);
    const stored = toStoredArticle(article, slot, packTermIds(termIds), this.strings, this.subjects);
    for (const key of subjectKeyIds(stored)) this.subjects.add(key, slot);
    this.slots.push(stored);
    this.byId.set(article.id, stored);
    if (article.embargoedUntil !== undefined && article.embargoedUntil > now) this.embargoes.set(slot, article.embargoedUntil);
    if (article.expiresAt !== undefined) this.expiries.add(article.expiresAt, slot);
    for (const field of SEARCH_FIELDS) this.totalLength[field] += article.lengths[field];
    return true;
  }

  /**
   * Forgets the article entirely, as `npm run purge` removed it from the stores: it is no longer
   * listed, and any version of it, version 1 again included, is taken afresh. With `indexedBefore`
   * (epoch ms), a version indexed later is kept: it was written after the purge (a resubmission).
   */
  delete(id: string, indexedBefore = Number.POSITIVE_INFINITY): boolean {
    const current = this.byId.get(id);
    if (current && current.indexedAt > indexedBefore) return false;
    if (current) this.remove(current);
    return this.held.delete(id) || current !== undefined;
  }

  /**
   * Takes out every article whose expiry has come, as a kill would: from then on no search lists,
   * counts, facets or clusters it, without waiting for an event. Searches call it first, so the
   * statistics they score with leave those articles out too.
   */
  expire(now = Date.now()): number {
    let expired = 0;
    for (const slot of this.expiries.due(now)) {
      const article = this.slots[slot];
      // Replaced or removed since it was queued: the slot's expiry is no longer anyone's.
      if (article === undefined) continue;
      this.remove(article);
      this.held.set(article.id, article.version);
      expired += 1;
    }
    return expired;
  }

  search(params: SearchParams, page?: PageAfter): SearchOutcome {
    const now = Date.now();
    this.expire(now);
    const after = page?.key;
    const terms = params.q ? analyzeQuery(params.q) : [];
    const scores = params.q !== undefined ? this.scoreTerms(terms, page?.basis) : undefined;
    const candidates = scores ? scores.matched : this.unscoredCandidates(params);
    const released = this.released(this.filter(params, candidates), now);
    const byRelevance = params.sort === 'relevance' && scores !== undefined;
    const times = this.releasedAt.values;
    const idOf = (slot: number) => (this.slots[slot] as StoredArticle).id;
    const scoreOf = (slot: number) => (byRelevance ? Math.round(scores.bySlot[slot] * 1e6) / 1e6 : null);
    const clusters = params.collapse === 'cluster' ? this.leadersOfClusters(released, scoreOf, idOf) : undefined;
    const matches = clusters ? [...clusters.keys()] : released;
    // Only the page (and one more, to know whether there is a next one) is kept in order: a bounded
    // insertion instead of sorting every match, which matters for common terms over a large index.
    const top = new TopK(params.limit + 1);
    let remaining = 0;
    for (const slot of matches) {
      const score = scoreOf(slot);
      if (after && compareToKey(score, times[slot], slot, idOf, after) <= 0) continue;
      remaining += 1;
      const worst = top.worst();
      if (worst && compareToKey(score, times[slot], slot, idOf, worst) >= 0) continue;
      const article = this.slots[slot] as StoredArticle;
      top.offer({ article, key: { score, releasedAt: times[slot], id: article.id } });
    }
    return {
      total: matches.length,
      hits: top.sorted().slice(0, params.limit).map((hit) => {
        const listed = { article: listingOf(hit.article as StoredArticle), key: hit.key };
        return clusters ? { ...listed, clusterMatches: clusters.get((hit.article as StoredArticle).slot) } : listed;
      }),
      hasMore: remaining > params.limit,
      ...(byRelevance ? { basis: scores.basis } : {}),
      facets: this.facetsOf(matches),
    };
  }

  /**
   * One match per story cluster: the one that ranks first in the search's own order, so paging stays a
   * keyset over the same list. Maps each leader's slot to its cluster's match count; an article
   * without a cluster stands alone.
   */
  private leadersOfClusters(slots: number[], scoreOf: (slot: number) => number | null, idOf: (slot: number) => string): Map<number, number> {
    const times = this.releasedAt.values;
    const keyOf = (slot: number): SortKey => ({ score: scoreOf(slot), releasedAt: times[slot], id: idOf(slot) });
    const byCluster = new Map<string, { slot: number; count: number }>();
    const leaders = new Map<number, number>();
    for (const slot of slots) {
      const cluster = (this.slots[slot] as StoredArticle).storyClusterId;
      if (cluster === undefined) {
        leaders.set(slot, 1);
        continue;
      }
      const held = byCluster.get(cluster);
      if (!held) byCluster.set(cluster, { slot, count: 1 });
      else {
        held.count += 1;
        if (compareSortKeys(keyOf(slot), keyOf(held.slot)) < 0) held.slot = slot;
      }
    }
    for (const { slot, count } of byCluster.values()) leaders.set(slot, count);
    return leaders;
  }

  /** Without `q`: the slots holding the entity or place asked for (filter() still checks it), else every article. */
  private unscoredCandidates(params: SearchParams): number[] {
    const subject = params.entity ?? params.place;
    if (subject === undefined) return [...this.byId.values()].map((article) => article.slot);
    const key = this.subjects.find(subject.includes(':') ? subject : nameKey(subject));
    return key === undefined ? [] : this.subjects.slots(key).filter((slot) => this.slots[slot] !== undefined);
  }

  /** Top entities (not places or dates), places and sources over the whole result set, not just the page. */
  private facetsOf(slots: readonly number[]): SearchOutcome['facets'] {
    // Runs over every match of every search, so it only reads and increments integer arrays.
    const counts = new Int32Array(this.facets.size);
    const touched: number[] = [];
    const pool = this.facetPool.values;
    const start = this.facetStart.values;
    for (const slot of slots) {
      for (let i = start[slot]; i < start[slot + 1]; i += 1) if (counts[pool[i]]++ === 0) touched.push(pool[i]);
    }
    const top = (kind: FacetKind) =>
      touched
        .filter((id) => this.facets.kindOf(id) === kind)
        .map((id) => ({ ...this.facets.describe(id), count: counts[id] }))
        .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1))
        .slice(0, FACET_SIZE);
    return { entities: top('entity'), places: top('place'), sources: top('source') };
  }

  /** Matches without those still under embargo; an embargo that has passed is forgotten. */
  private released(slots: number[], now: number): number[] {
    if (this.embargoes.size === 0) return slots;
    for (const [slot, until] of this.embargoes) if (until <= now) this.embargoes.delete(slot);
    return slots.filter((slot) => !this.embargoes.has(slot));
  }

  private remove(article: StoredArticle): void {
    this.embargoes.delete(article.slot);
    this.byId.delete(article.id);
    this.slots[article.slot] = undefined;
    forEachTermId(article.termIds, (id) => this.postings[id].release(this.isLive));
    for (const key of subjectKeyIds(article)) this.subjects.remove(key, article.slot);
    SEARCH_FIELDS.forEach((field, f) => (this.totalLength[field] -= this.lengths.values[article.slot * 3 + f]));
  }

  /**
   * Term at a time: every current article holding any query term (OR), with its BM25F score summed
   * over the terms it holds, so articles holding more of them rank higher.
   */
  private scoreTerms(terms: string[], given?: ScoreBasis): Scores {
    // A later page is scored with the first page's statistics (see search-cursor.ts).
    const basis = given && given.documentFrequencies.length === terms.length ? given : this.basisFor(terms);
    const scores: Scores = { bySlot: new Float64Array(this.slots.length), matched: [], basis };
    const lengths = this.lengths.values;
    const norm = basis.averageLength.map((length) => length || 1);
    const weight = SEARCH_FIELDS.map((field) => FIELD_WEIGHTS[field]);
    for (const [t, term] of terms.entries()) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const list = this.postings[id];
      const termIdf = idf(basis.documentCount, basis.documentFrequencies[t]);
      list.forEach((slot, packed) => {
        if (this.slots[slot] === undefined) return;
        // BM25F as in bm25.ts (termScore), unrolled over the three fields with lengths from the column.
        let frequency = 0;
        for (let f = 0; f < 3; f += 1) {
          const count = (packed >>> (20 - 10 * f)) & 1023;
          if (count) frequency += (weight[f] * count) / (1 - BM25_B + (BM25_B * lengths[slot * 3 + f]) / norm[f]);
        }
        if (scores.bySlot[slot] === 0) scores.matched.push(slot);
        // Every posting has a count, and idf is above 0, so a matched slot never sums to 0.
        scores.bySlot[slot] += (termIdf * frequency * (BM25_K1 + 1)) / (frequency + BM25_K1) || Number.MIN_VALUE;
      });
    }
    return scores;
  }

  private filter(params: SearchParams, candidates: number[]): number[] {
    const { entity: e, place: p, entityType, country, from, to, source, lang, weather, cluster, near: n, indexedSince } = params;
    const unfiltered = [e, p, entityType, country, from, to, source, lang, weather, cluster, n, indexedSince].every((value) => value === undefined || value === '');
    if (unfiltered) return candidates;
    // A key no article ever held matches nothing (-1 is no key id).
    const keyIdOf = (key: string) => this.subjects.find(key.includes(':') ? key : nameKey(key)) ?? -1;
    const entity = params.entity !== undefined ? keyIdOf(params.entity) : undefined;
    const place = params.place !== undefined ? keyIdOf(params.place) : undefined;
    const out: number[] = [];
    for (const slot of candidates) {
      const a = this.slots[slot] as StoredArticle;
      if (entity !== undefined && !includesTermId(a.entityKeyIds, entity)) continue;
      if (place !== undefined && !includesTermId(a.placeKeyIds, place)) continue;
      if (params.entityType && !a.entityTypes.includes(params.entityType)) continue;
      if (params.country && !a.countryCodes.includes(params.country)) continue;
      // A story released from embargo belongs to the time it went public, as in time order.
      if (params.from !== undefined && releaseTimeOf(a) < params.from) continue;
      if (params.to !== undefined && releaseTimeOf(a) > params.to) continue;
      if (indexedSince !== undefined && (a.listedFrom ?? a.indexedAt) < indexedSince) continue;
      if (params.source && a.sourceId !== params.source) continue;
      if (params.lang && a.language !== params.lang && !a.language.startsWith(`${params.lang}-`)) continue;
      if (params.weather && a.weatherStatus !== params.weather) continue;
      if (params.cluster && a.storyClusterId !== params.cluster) continue;
      const near = params.near;
      if (near && !anyNear(a.points, near, params.radiusKm)) continue;
      out.push(slot);
    }
    return out;
  }

  private basisFor(terms: string[]): ScoreBasis {
    const n = this.byId.size || 1;
    return {
      documentCount: this.byId.size,
      averageLength: [this.totalLength.headline / n, this.totalLength.summary / n, this.totalLength.body / n],
      documentFrequencies: terms.map((term) => {
        const id = this.termIds.get(term);
        return id === undefined ? 0 : this.postings[id].live;
      }),
    };
  }
}

/** The ids of every entity and place key the article holds, each once. */
function subjectKeyIds(article: StoredArticle): Set<number> {
  const ids = new Set<number>();
  forEachTermId(article.entityKeyIds, (id) => ids.add(id));
  forEachTermId(article.placeKeyIds, (id) => ids.add(id));
  return ids;
}

function anyNear(points: readonly number[], center: Point, radiusKm: number): boolean {
  for (let i = 0; i < points.length; i += 2) if (isNear(center, radiusKm, { lat: points[i], lon: points[i + 1] })) return true;
  return false;
}

/** compareSortKeys for a hit not yet built: its id is only looked up when score and time tie. */
function compareToKey(score: number | null, releasedAt: number, slot: number, idOf: (slot: number) => string, key: SortKey): number {
  if (score !== null && key.score !== null && score !== key.score) return key.score - score;
  if (releasedAt !== key.releasedAt) return key.releasedAt - releasedAt;
  const id = idOf(slot);
  return id < key.id ? -1 : id > key.id ? 1 : 0;
}

/** The best `size` hits in sort order, kept by binary insertion into a short sorted array. */
class TopK {
  private readonly items: SearchHit[] = [];

  constructor(private readonly size: number) {}

  /** The key a new hit must beat once the page is full; undefined while there is room. */
  worst(): SortKey | undefined {
    return this.items.length < this.size ? undefined : this.items[this.items.length - 1].key;
  }

  offer(hit: SearchHit): void {
    const { items } = this;
    const worst = this.worst();
    if (worst && compareSortKeys(hit.key, worst) >= 0) return;
    let low = 0;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareSortKeys(items[middle].key, hit.key) <= 0) low = middle + 1;
      else high = middle;
    }
    items.splice(low, 0, hit);
    if (items.length > this.size) items.pop();
  }

  sorted(): SearchHit[] {
    return this.items;
  }
}
