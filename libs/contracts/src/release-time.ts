/**
 * The time an article reaches readers: its publication, or the end of its embargo when that is later.
 * A story embargoed until Thursday is Thursday's story: the enricher reads its "today" on Thursday,
 * the weather stage attaches Thursday's sky, the indexer sorts and filters it among Thursday's news.
 *
 * Its own entry point (`@newsflow/contracts/release-time`) so the enricher's extraction workers take
 * it without loading the schemas.
 */
export function releasedAt(article: { publishedAt: string; embargoedUntil?: string }): string;
export function releasedAt(article: { publishedAt?: string; embargoedUntil?: string }): string | undefined;
export function releasedAt(article: { publishedAt?: string; embargoedUntil?: string }): string | undefined {
  const { publishedAt, embargoedUntil } = article;
  if (!publishedAt) return embargoedUntil;
  return embargoedUntil && Date.parse(embargoedUntil) > Date.parse(publishedAt) ? embargoedUntil : publishedAt;
}
