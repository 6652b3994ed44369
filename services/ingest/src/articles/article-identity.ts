import type { Article } from '@newsflow/contracts';
import { createHash } from 'node:crypto';

/** Fixed namespace for Newsflow article ids (a random UUID chosen once; never change it). */
const ARTICLE_NAMESPACE = '6f1c5e0a-8d2b-4c4e-9a57-2f0d8b1e3c74';

/**
 * UUIDv5 (RFC 9562) of source id and source item id: the same story from the same source always
 * maps to the same article id, which is what makes resubmission and feed re-polling idempotent.
 */
export function articleIdFor(sourceId: string, sourceItemId: string): string {
  const namespace = Buffer.from(ARTICLE_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(`${sourceId}\u0000${sourceItemId}`, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Changes when the headline or body changes (what consumers know as the content hash). A kill, an
 * embargo or an expiry sent for unchanged copy is a change too: the status, embargo and expiry count
 * when given. Without them the hash is headline and body alone, as it always was, so stored hashes
 * still match.
 */
export function contentHashOf(headline: string, body: string, release: { pubStatus?: string; embargoedUntil?: string; expiresAt?: string } = {}): string {
  const marks = [
    release.pubStatus && release.pubStatus !== 'usable' ? `status:${release.pubStatus}` : '',
    release.embargoedUntil ? `embargo:${release.embargoedUntil}` : '',
    release.expiresAt ? `expires:${release.expiresAt}` : '',
  ].filter(Boolean);
  return createHash('sha256').update([`${headline.trim()}\n${body.trim()}`, ...marks].join('\n'), 'utf8').digest('hex');
}

/**
 * What else a reader sees of a version: summary, byline, link and media. A resend correcting only
 * these is a new version too (it was answered as a duplicate and the correction lost). Kept apart
 * from the content hash, which consumers know, and compared only where a stored version has one.
 */
export function presentationHashOf(article: Pick<Article, 'summary' | 'byline' | 'url' | 'media'>): string {
  const media = (article.media ?? []).map((m) => [m.url, m.type ?? '', m.caption ?? ''].join('\u0001'));
  return createHash('sha256').update([article.summary ?? '', article.byline ?? '', article.url ?? '', ...media].join('\u0000'), 'utf8').digest('hex');
}
