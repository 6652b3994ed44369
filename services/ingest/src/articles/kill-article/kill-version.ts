import type { Article } from '@newsflow/contracts';
import { contentHashOf } from '../article-identity';
import { checkCarriable } from '../formats/carriable-article';

export const KILL_HEADLINE = 'Story withdrawn';
export const KILL_NOTICE = 'This story has been withdrawn.';
/** The reason travels on every topic and to every consumer; long enough for a court's reference, no room for copy. */
export const MAX_KILL_REASON = 500;

/**
 * The operator's kill of `latest`: the next version as a source's kill would be (`pubStatus:
 * "canceled"`), but with a withdrawal notice in place of the copy, since this version goes onto
 * every topic and to every consumer again.
 *
 * Kept: what a consumer needs to find the story and take it down (id, source, sourceItemId), what
 * says which story it was and when (publishedAt), and language (consumers route by it). Dropped:
 * everything that repeats the copy (summary, bodyHtml, byline, media, url, and the dateline, which
 * is the opening of the text and would only send the kill through a weather lookup), the embargo
 * (nothing of this version is to be held back) and format (no document of that format was sent).
 * `version` and `storyClusterId` are the repository's to set, as on any submission.
 */
export function killVersionOf(latest: Article, reason: string | undefined, now: Date): Article {
  const body = reason ? `${KILL_NOTICE}\n\nReason: ${reason}` : KILL_NOTICE;
  return checkCarriable({
    id: latest.id,
    version: latest.version,
    source: latest.source,
    sourceItemId: latest.sourceItemId,
    headline: KILL_HEADLINE,
    body,
    language: latest.language,
    publishedAt: latest.publishedAt,
    // The kill's own version time: a desk's late retry of an earlier version (an older updatedAt)
    // is then refused as stale instead of becoming a newer version that brings the story back.
    updatedAt: laterOf(now.toISOString(), latest.updatedAt),
    receivedAt: now.toISOString(),
    pubStatus: 'canceled',
    contentHash: contentHashOf(KILL_HEADLINE, body, { pubStatus: 'canceled' }),
  });
}

function laterOf(a: string, b: string | undefined): string {
  return b && Date.parse(b) > Date.parse(a) ? b : a;
}
