import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InvalidParameterError } from '../http/invalid-parameter.error';

/**
 * Opaque to clients (base64url JSON): the sort key of the last result returned, a fingerprint of the
 * query it belongs to, so a cursor cannot be replayed against different parameters, and, sorted by
 * relevance, the collection statistics the first page was scored with. Keyset, not offset, and every
 * page scored alike: results indexed while a client pages do not shift later pages (BM25 scores move
 * with every write, so scoring page 2 afresh skipped or repeated hits).
 */
export interface SortKey {
  /** Relevance score; null when sorting by time. */
  score: number | null;
  /** The release time (publishedAt, or the embargo's end when later; see releaseTimeOf). */
  releasedAt: number;
  id: string;
}

/** What BM25 reads from the whole collection: article count, average field lengths, each query word's article count. */
export interface ScoreBasis {
  documentCount: number;
  averageLength: [headline: number, summary: number, body: number];
  /** One per analysed query word, in the order the analyser gives them. */
  documentFrequencies: number[];
}

export interface PageAfter {
  key: SortKey;
  basis?: ScoreBasis;
}

const count = z.number().int().min(0);
const CursorSchema = z.object({
  f: z.string().max(32),
  s: z.number().nullable(),
  t: z.number(),
  i: z.string().max(200),
  // [documentCount, three average lengths, a frequency per query word]; q's 500 characters bound it.
  b: z.tuple([count, z.number().min(0), z.number().min(0), z.number().min(0)], count).refine((b) => b.length <= 600).optional(),
});

export function queryFingerprint(parts: Record<string, unknown>): string {
  const stable = Object.keys(parts).sort().map((key) => [key, parts[key]]);
  return createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 16);
}

export function encodeCursor(fingerprint: string, key: SortKey, basis?: ScoreBasis): string {
  const b = basis && [basis.documentCount, ...basis.averageLength, ...basis.documentFrequencies];
  return Buffer.from(JSON.stringify({ f: fingerprint, s: key.score, t: key.releasedAt, i: key.id, ...(b ? { b } : {}) })).toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): PageAfter {
  let parsed: z.infer<typeof CursorSchema>;
  try {
    parsed = CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidParameterError('cursor', 'not a cursor this API returned');
  }
  if (parsed.f !== fingerprint) throw new InvalidParameterError('cursor', 'the cursor belongs to a search with other parameters');
  const key = { score: parsed.s, releasedAt: parsed.t, id: parsed.i };
  if (!parsed.b) return { key };
  const [documentCount, headline, summary, body, ...documentFrequencies] = parsed.b;
  return { key, basis: { documentCount, averageLength: [headline, summary, body], documentFrequencies } };
}

/** Descending score, then newest release first, then id: a total order, so pages never overlap or skip. */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a.score !== null && b.score !== null && a.score !== b.score) return b.score - a.score;
  if (a.releasedAt !== b.releasedAt) return b.releasedAt - a.releasedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
