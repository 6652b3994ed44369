import { firstParagraph } from './first-paragraph';

/**
 * The content words of a headline and first paragraph, for telling a rewrite of the same event from
 * another story about the same people or place: two agencies word an event differently, but say
 * "fire", "warehouse", "batteries" alike; a second story about the same company says "recall" where
 * the first said "pay".
 */
const FUNCTION_WORDS = new Set(
  'the and but for with from into over than that this which who whom whose will would could should has have had was were are been being its their there about after before while said says also more most not they them his her she him our your you all any out off per'.split(' '),
);
/** Words kept per story: the lede's first ones; a rewrite says what happened early. */
const MAX_WORDS = 40;

/** Folded, distinct, plural and tense endings cut: "batteries" and "battery", "killed" and "kills" meet. */
export function ledeWords(headline: string, body: string): string[] {
  const lede = firstParagraph(body);
  const text = `${headline}\n${lede}`;
  // ASCII, most wire copy, skips the costly normalisation and Unicode matching.
  const words = /[^ -~\s]/.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/\p{L}{3,}/gu) : text.toLowerCase().match(/[a-z]{3,}/g);
  const stems = new Set<string>();
  for (const word of words ?? []) {
    if (FUNCTION_WORDS.has(word)) continue;
    stems.add(word.length > 4 ? word.replace(/(?:ies|ing|ed|es|s|y)$/, '') : word);
    if (stems.size === MAX_WORDS) break;
  }
  return [...stems];
}

/** The share of the smaller word set the other also holds. */
export function wordOverlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const other = new Set(b);
  return a.filter((word) => other.has(word)).length / Math.min(a.length, b.length);
}
