import { analyzeQuery, nameKey } from './analyzer';
import { CorpusStats, termScore } from './bm25';
import { isNear } from './geo';
import { IndexedArticle } from './indexed-article';
import { compareSortKeys, SortKey } from './search-cursor';
import { SearchParams } from './search-params';

export interface SearchHit {
  article: IndexedArticle;
  key: SortKey;
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
  facets: { entities: FacetCount[]; places: FacetCount[]; sources: FacetCount[] };
}

const FACET_SIZE = 10;

/**
 * An inverted index in memory: postings per term, plus every article's filter fields.
 * Single-threaded and synchronous, so a search always sees a consistent index. Putting an article
 * replaces its previous version only when the new version is not older (the same guard as MongoDB).
 */
export class SearchIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly postings = new Map<string, Set<string>>();
  private readonly totalLength = { headline: 0, summary: 0, body: 0 };

  get size(): number {
    return this.articles.size;
  }

  put(article: IndexedArticle): boolean {
    const current = this.articles.get(article.id);
    if (current && current.version > article.version) return false;
    if (current) this.remove(current);
    this.articles.set(article.id, article);
    for (const term of article.terms.keys()) {
      let ids = this.postings.get(term);
      if (!ids) this.postings.set(term, (ids = new Set()));
      ids.add(article.id);
    }
    for (const field of ['headline', 'summary', 'body'] as const) this.totalLength[field] += article.lengths[field];
    return true;
  }

  search(params: SearchParams, after?: SortKey): SearchOutcome {
    const terms = params.q ? analyzeQuery(params.q) : [];
    const matches = this.filter(params, this.candidates(params.q !== undefined, terms));
    const byRelevance = params.sort === 'relevance';
    const weights = byRelevance ? this.termWeights(terms) : [];
    const stats = this.stats();
    // Only the page (and one more, to know whether there is a next one) is kept in order: a bounded
    // insertion instead of sorting every match, which matters for common terms over a large index.
    const page = new TopK(params.limit + 1);
    let remaining = 0;
    for (const article of matches) {
      const key = { score: byRelevance ? this.score(article, weights, stats) : null, publishedAt: article.publishedAt, id: article.id };
      if (after && compareSortKeys(key, after) <= 0) continue;
      remaining += 1;
      page.offer({ article, key });
    }
    const hits = page.sorted();
    return {
      total: matches.length,
      hits: hits.slice(0, params.limit),
      hasMore: remaining > params.limit,
      facets: facetsOf(matches),
    };
  }

  private remove(article: IndexedArticle): void {
    this.articles.delete(article.id);
    for (const term of article.terms.keys()) {
      const ids = this.postings.get(term);
      ids?.delete(article.id);
      if (ids?.size === 0) this.postings.delete(term);
    }
    for (const field of ['headline', 'summary', 'body'] as const) this.totalLength[field] -= article.lengths[field];
  }

  /** With q: the articles holding any query term (OR; BM25 ranks those holding more of them higher). */
  private candidates(hasQuery: boolean, terms: string[]): Iterable<IndexedArticle> {
    if (!hasQuery) return this.articles.values();
    const lists = terms.map((term) => this.postings.get(term)).filter((ids): ids is Set<string> => ids !== undefined);
    let ids = lists[0] ?? new Set<string>();
    if (lists.length > 1) {
      ids = new Set(ids);
      for (const list of lists.slice(1)) for (const id of list) ids.add(id);
    }
    return mapIterable(ids, (id) => this.articles.get(id) as IndexedArticle);
  }

  /** Each query term with its document frequency, looked up once per query rather than per match. */
  private termWeights(terms: string[]): Array<{ term: string; frequency: number }> {
    return terms.map((term) => ({ term, frequency: this.postings.get(term)?.size ?? 0 }));
  }

  private filter(params: SearchParams, candidates: Iterable<IndexedArticle>): IndexedArticle[] {
    const entity = params.entity && (params.entity.includes(':') ? params.entity : nameKey(params.entity));
    const place = params.place && (params.place.includes(':') ? params.place : nameKey(params.place));
    const out: IndexedArticle[] = [];
    for (const a of candidates) {
      if (entity !== undefined && !a.entityKeys.has(entity)) continue;
      if (place !== undefined && !a.placeKeys.has(place)) continue;
      if (params.entityType && !a.entityTypes.has(params.entityType)) continue;
      if (params.country && !a.countryCodes.has(params.country)) continue;
      if (params.from !== undefined && a.publishedAt < params.from) continue;
      if (params.to !== undefined && a.publishedAt > params.to) continue;
      if (params.source && a.sourceId !== params.source) continue;
      if (params.lang && a.language !== params.lang && !a.language.startsWith(`${params.lang}-`)) continue;
      if (params.weather && a.weatherStatus !== params.weather) continue;
      if (params.cluster && a.storyClusterId !== params.cluster) continue;
      const near = params.near;
      if (near && !a.points.some((p) => isNear(near, params.radiusKm, p))) continue;
      out.push(a);
    }
    return out;
  }

  private stats(): CorpusStats {
    const n = this.articles.size || 1;
    return {
      documentCount: this.articles.size,
      averageLength: { headline: this.totalLength.headline / n, summary: this.totalLength.summary / n, body: this.totalLength.body / n },
    };
  }

  private score(article: IndexedArticle, weights: Array<{ term: string; frequency: number }>, stats: CorpusStats): number {
    let score = 0;
    for (const { term, frequency } of weights) {
      const counts = article.terms.get(term);
      if (!counts) continue;
      score += termScore({ headline: counts[0], summary: counts[1], body: counts[2] }, article.lengths, stats, frequency);
    }
    return Math.round(score * 1e6) / 1e6;
  }
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}

/** The best `size` hits in sort order, kept by binary insertion into a short sorted array. */
class TopK {
  private readonly items: SearchHit[] = [];

  constructor(private readonly size: number) {}

  offer(hit: SearchHit): void {
    const { items } = this;
    if (items.length === this.size && compareSortKeys(hit.key, items[items.length - 1].key) >= 0) return;
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

/** Top entities (not places or dates), places and sources over the whole result set, not just the page. */
export function facetsOf(articles: IndexedArticle[]): SearchOutcome['facets'] {
  const entities = new Map<string, FacetCount>();
  const places = new Map<string, FacetCount>();
  const sources = new Map<string, FacetCount>();
  const bump = (map: Map<string, FacetCount>, id: string, extra: Omit<FacetCount, 'id' | 'count'> = {}) => {
    const entry = map.get(id) ?? { id, ...extra, count: 0 };
    entry.count += 1;
    map.set(id, entry);
  };
  for (const a of articles) {
    bump(sources, a.sourceId);
    for (const e of a.entities) {
      if (e.type === 'place') bump(places, e.id, { name: e.name });
      else if (e.type !== 'date') bump(entities, e.id, { name: e.name, type: e.type });
    }
  }
  const top = (map: Map<string, FacetCount>) =>
    [...map.values()].sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1)).slice(0, FACET_SIZE);
  return { entities: top(entities), places: top(places), sources: top(sources) };
}
