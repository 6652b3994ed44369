/**
 * The time the article reaches readers: its publication, or the end of its embargo when later. An
 * article embargoed until Thursday says "today" of Thursday. The weather stage reads the release the
 * same way (its `releasedAt`); a service may not import another's code, and the rule is two lines.
 */
export function releasedAt(article: { publishedAt?: string; embargoedUntil?: string }): string | undefined {
  const { publishedAt, embargoedUntil } = article;
  if (!publishedAt) return embargoedUntil;
  return embargoedUntil && Date.parse(embargoedUntil) > Date.parse(publishedAt) ? embargoedUntil : publishedAt;
}
