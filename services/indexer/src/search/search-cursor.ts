import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InvalidParameterError } from '../http/invalid-parameter.error';

/**
 * Opaque to clients (base64url JSON): the sort key of the last result returned, and a fingerprint
 * of the query it belongs to, so a cursor cannot be replayed against different parameters.
 * Keyset, not offset: results indexed while a client pages do not shift later pages.
 */
export interface SortKey {
  /** Relevance score; null when sorting by time. */
  score: number | null;
  publishedAt: number;
  id: string;
}

const CursorSchema = z.object({
  f: z.string().max(32),
  s: z.number().nullable(),
  t: z.number(),
  i: z.string().max(200),
});

export function queryFingerprint(parts: Record<string, unknown>): string {
  const stable = Object.keys(parts).sort().map((key) => [key, parts[key]]);
  return createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 16);
}

export function encodeCursor(fingerprint: string, key: SortKey): string {
  return Buffer.from(JSON.stringify({ f: fingerprint, s: key.score, t: key.publishedAt, i: key.id })).toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): SortKey {
  let parsed: z.infer<typeof CursorSchema>;
  try {
    parsed = CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidParameterError('cursor', 'not a cursor this API returned');
  }
  if (parsed.f !== fingerprint) throw new InvalidParameterError('cursor', 'the cursor belongs to a search with other parameters');
  return { score: parsed.s, publishedAt: parsed.t, id: parsed.i };
}

/** Descending score, then newest first, then id: a total order, so pages never overlap or skip. */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a.score !== null && b.score !== null && a.score !== b.score) return b.score - a.score;
  if (a.publishedAt !== b.publishedAt) return b.publishedAt - a.publishedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
