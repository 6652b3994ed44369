import { Gazetteer } from './gazetteer';
import { stripPossessive, normaliseName } from './normalise-name';
import { isCapitalised, tokenise } from './tokenise';
import { RawMention, Span } from './types';

/** Title Case headlines ("Marrakech Hosts 93rd…") capitalise every word, so capitals say nothing there. */
export function isTitleCase(headline: string): boolean {
  const words = headline.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return words.length >= 3 && words.filter((w) => isCapitalised(w)).length / words.length >= 0.7;
}

/**
 * In a Title Case headline, only names already known from the body, countries and regions, and big
 * cities are taken; longest match first, left to right.
 */
export function matchTitleCaseHeadline(headline: string, known: Map<string, Omit<RawMention, keyof Span>>, gazetteer: Gazetteer, claimed: Span[]): RawMention[] {
  const tokens = tokenise(headline).filter((t) => !claimed.some((c) => t.start < c.end && t.end > c.start));
  const out: RawMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    for (let n = Math.min(5, tokens.length - i); n >= 1 && !matched; n -= 1) {
      const slice = tokens.slice(i, i + n);
      if (!slice.slice(1).every((t, k) => /^\s+$/.test(headline.slice(slice[k].end, t.start)))) continue;
      const last = stripPossessive(slice[n - 1].text);
      if (n > 1 && last.removed > 0) continue;
      const start = slice[0].start;
      const end = slice[n - 1].end - last.removed;
      const text = headline.slice(start, end);
      const hit = known.get(normaliseName(text));
      if (hit) {
        out.push({ ...hit, field: 'headline', start, end, text });
        matched = n;
        continue;
      }
      const places = gazetteer.lookup(text);
      if (places.some((p) => p.kind !== 'city' || (p.population ?? 0) >= 100_000) && isCapitalised(text)) {
        out.push({ field: 'headline', start, end, text, type: 'place', name: text });
        matched = n;
      }
    }
    i += matched || 1;
  }
  return out;
}
