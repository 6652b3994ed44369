import { firstParagraph } from './first-paragraph';

/**
 * Templated stories (quake bulletins, lottery draws, weather warnings, market closes, law-firm
 * notices) share most of their words with each other and differ in their numbers: magnitude, time,
 * depth, jackpot, dates. A story and its republication or write-through keep most of the numbers of
 * their headline and first paragraph. Comparing those numbers tells the two apart where shingle
 * similarity cannot (the templates measure 0.6–0.9, write-throughs 0.4–0.5).
 */
const NUMBER = /\d+(?:[.,:]\d+)*/g;
/** Below this share of the smaller set of lede numbers in common, two stories are different stories. */
export const SHARED_NUMBERS = 1 / 3;

/** The distinct numbers of the headline and first paragraph, as written (NFKC folds full-width digits). */
export function ledeNumbers(headline: string, body: string): string[] {
  const lede = firstParagraph(body);
  return [...new Set(`${headline}\n${lede}`.normalize('NFKC').match(NUMBER) ?? [])];
}

/** Whether two ledes' numbers allow the same story: either has none, or they share enough of them. */
export function numbersAgree(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const other = new Set(b);
  const shared = a.filter((n) => other.has(n)).length;
  return shared >= SHARED_NUMBERS * Math.min(a.length, b.length);
}
