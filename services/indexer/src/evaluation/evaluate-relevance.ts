import { toSearchDocument } from '../index/search-document';
import { toIndexedArticle } from '../search/indexed-article';
import { SearchIndex } from '../search/search-index';
import { parseSearchParams } from '../search/search-params';
import { mean, precisionAt, reciprocalRank } from './relevance-metrics';
import { RelevanceFixture } from './relevance-fixture';

export const CUTOFF = 10;

export interface QueryResult {
  id: string;
  params: Record<string, string>;
  precision: number;
  reciprocalRank: number;
  /** How many articles matched (before the cut-off) and how many are judged relevant. */
  total: number;
  relevant: number;
  top: string[];
}

export interface RelevanceReport {
  articles: number;
  queries: QueryResult[];
  meanPrecision: number;
  mrr: number;
}

/**
 * Indexes the whole fixture the way the indexer does (payload → search document → in-memory index)
 * and runs every judged query through parseSearchParams, as GET /v1/search would: P@10 and MRR@10.
 */
export function evaluateRelevance(fixture: RelevanceFixture): RelevanceReport {
  const index = new SearchIndex();
  const indexedAt = new Date(0);
  for (const payload of fixture.payloads) index.put(toIndexedArticle(toSearchDocument(payload, indexedAt)));
  const queries = fixture.queries.map(({ id, params, relevant }) => {
    const outcome = index.search(parseSearchParams({ ...params, limit: String(CUTOFF) }));
    const top = outcome.hits.map((hit) => hit.article.id);
    const judged = new Set(relevant);
    return { id, params, precision: precisionAt(CUTOFF, top, judged), reciprocalRank: reciprocalRank(CUTOFF, top, judged), total: outcome.total, relevant: judged.size, top };
  });
  return {
    articles: index.size,
    queries,
    meanPrecision: mean(queries.map((q) => q.precision)),
    mrr: mean(queries.map((q) => q.reciprocalRank)),
  };
}
