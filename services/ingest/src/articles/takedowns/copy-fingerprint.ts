import type { Article } from '@newsflow/contracts';
import { createHash } from 'node:crypto';
import { contentHashOf } from '../article-identity';

/** Whitespace and characters a reader does not see (zero-width, joiners, soft hyphens, BOM, variation selectors). */
const BLANK = '[\\s\\p{Cf}\\p{Default_Ignorable_Code_Point}]*';
const INVISIBLE = '[\\p{Cf}\\p{Default_Ignorable_Code_Point}]+';
/**
 * One sweep finds what a trivial change touches. Runs of whitespace and invisible characters, except
 * the lone space between words, which needs no change (matching each one cost 3/4 of the time): a run
 * holding any whitespace becomes one space, one of invisible characters alone becomes nothing
 * (`a\u200B b` is `a b`, and `a\u200Bb` is `ab`). Typographic dashes and quotes, which a CMS swaps
 * for plain ones or back, become plain.
 */
const TRIVIAL = new RegExp(` ?[^\\S ]${BLANK}| {2,}${BLANK}| ?${INVISIBLE}${BLANK}|\\p{Pd}|[\\u2018\\u2019\\u201A\\u201B\\u2032]|[\\u201C\\u201D\\u201E\\u201F\\u2033]`, 'gu');
const VISIBLE = /[^\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const DASH = /^\p{Pd}$/u;
const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201A', '\u201B', '\u2032']);
const DOUBLE_QUOTES = new Set(['\u201C', '\u201D', '\u201E', '\u201F', '\u2033']);

function plain(run: string): string {
  if (SINGLE_QUOTES.has(run)) return "'";
  if (DOUBLE_QUOTES.has(run)) return '"';
  if (run.length === 1 && DASH.test(run)) return '-';
  return VISIBLE.test(run) ? ' ' : '';
}

/**
 * Headline and body as a resend that changes nothing a reader would notice leaves them: NFKC
 * (compatibility forms, e.g. a non-breaking hyphen or full-width letters), case folded, invisible
 * characters removed, whitespace collapsed, typographic dashes and quotes made plain. One sweep of
 * the text after the native NFKC and case mapping. A rewrite, however slight, is other copy.
 */
export function normalizedCopyOf(headline: string, body: string): string {
  const folded = `${headline}\n${body}`.normalize('NFKC').toUpperCase().toLowerCase();
  return folded.replace(TRIVIAL, plain).trim();
}

/**
 * What a takedown keeps of a version's copy to know it again under any article id: a hash of the
 * normalized copy, never the copy. Changing the normalization orphans every stored fingerprint, so
 * a new one needs a new field beside this, not a change here.
 */
export function copyFingerprintOf(headline: string, body: string): string {
  return createHash('sha256').update(normalizedCopyOf(headline, body), 'utf8').digest('hex');
}

export interface TakenDownCopies {
  contentHashes: string[];
  copyFingerprints: string[];
}

/**
 * The fingerprints of the versions that carried copy. Canceled versions do not: an operator's kill
 * carries the withdrawal notice, and a desk's own kill often a stock notice, which would otherwise
 * block every other story killed with the same words.
 */
export function takenDownCopiesOf(versions: Array<Pick<Article, 'headline' | 'body' | 'contentHash' | 'pubStatus'>>): TakenDownCopies {
  const contentHashes = new Set<string>();
  const copyFingerprints = new Set<string>();
  for (const version of versions) {
    if (version.pubStatus === 'canceled') continue;
    // As stored (with an embargo's mark, when it had one) and of the copy alone, as a plain resend has it.
    contentHashes.add(version.contentHash).add(contentHashOf(version.headline, version.body));
    copyFingerprints.add(copyFingerprintOf(version.headline, version.body));
  }
  return { contentHashes: [...contentHashes], copyFingerprints: [...copyFingerprints] };
}
