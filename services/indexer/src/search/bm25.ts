import { FIELD_WEIGHTS, SEARCH_FIELDS, SearchField } from './analyzer';

/** Per-field term frequencies of one term in one article. */
export type FieldCounts = Readonly<Record<SearchField, number>>;

export interface CorpusStats {
  documentCount: number;
  averageLength: FieldCounts;
}

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Robertson–Spärck Jones idf, floored at 0 by the +1 so very common terms never count against a match. */
export function idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * BM25F: each field's frequency is length-normalised and weighted (headline > summary > body),
 * summed into one pseudo-frequency, then saturated once, so ten body mentions cannot outweigh the
 * headline without limit.
 */
export function termScore(counts: FieldCounts, lengths: FieldCounts, stats: CorpusStats, documentFrequency: number): number {
  let frequency = 0;
  for (const field of SEARCH_FIELDS) {
    if (counts[field] === 0) continue;
    const average = stats.averageLength[field] || 1;
    frequency += (FIELD_WEIGHTS[field] * counts[field]) / (1 - BM25_B + (BM25_B * lengths[field]) / average);
  }
  if (frequency === 0) return 0;
  return (idf(stats.documentCount, documentFrequency) * frequency * (BM25_K1 + 1)) / (frequency + BM25_K1);
}
