import { bestFragments, DEFAULT_FRAGMENTS, Match } from './fragments';
import { markHtml, mergeRanges } from './mark-matches';
import { termSpans } from './term-spans';

/** A hit's highlights; the HTML strings hold only escaped text and <mark> elements. */
export interface Highlights {
  headline?: string;
  summary?: string;
  body: string[];
  /** The words of `q`, as written, that this article matched. */
  matchedTerms: string[];
  /** The article's own spellings that were marked ("São" for `q=sao`), each once, for a client marking text itself. */
  matchedWords: string[];
}

export interface HighlightedText {
  headline: string;
  summary?: string;
  body: string;
}

/**
 * How much of a body is scanned for fragments: bodies may be up to 2,000,000 characters, and a page
 * of 100 hits is highlighted per request. Matches beyond it are not shown (the search still found them).
 */
export const MAX_SCANNED_BODY = 20_000;
const MAX_MATCHED_WORDS = 20;
const ELLIPSIS = '…';

/**
 * The query's words with the terms each gives, for a highlighted search. Overlapping spans (the
 * bigrams of 习近平) are one word.
 */
export function queryWords(q: string): Array<{ word: string; terms: Set<string> }> {
  const words: Array<{ word: string; terms: Set<string>; end: number; start: number }> = [];
  for (const span of termSpans(q)) {
    const last = words.at(-1);
    if (last && span.start < last.end) {
      last.terms.add(span.term);
      last.end = Math.max(last.end, span.end);
    } else {
      words.push({ word: '', terms: new Set([span.term]), start: span.start, end: span.end });
    }
  }
  return words.map(({ terms, start, end }) => ({ word: q.slice(start, end), terms }));
}

/**
 * Marks the query's terms in an article as the search matched them (the same analyser on both, see
 * term-spans.ts): the headline and summary whole when they match, and up to three fragments of the
 * body around its best passages.
 */
export function highlightArticle(q: string, text: HighlightedText): Highlights {
  const words = queryWords(q);
  const wanted = new Set(words.flatMap(({ terms }) => [...terms]));
  const matched = new Set<string>();
  const surface = new Set<string>();
  const note = (value: string, found: Match[]): Match[] => {
    for (const m of found) matched.add(m.term);
    for (const r of mergeRanges(found)) if (surface.size < MAX_MATCHED_WORDS) surface.add(value.slice(r.start, r.end));
    return found;
  };
  const matchesIn = (value: string): Match[] => termSpans(value, (term) => wanted.has(term));
  const highlights: Highlights = { body: [], matchedTerms: [], matchedWords: [] };
  const headline = note(text.headline, matchesIn(text.headline));
  if (headline.length) highlights.headline = markHtml(text.headline, headline);
  const summary = text.summary ? note(text.summary, matchesIn(text.summary)) : [];
  if (text.summary && summary.length) highlights.summary = markHtml(text.summary, summary);
  const scanned = scannedPart(text.body);
  const body = matchesIn(scanned);
  for (const range of bestFragments(scanned, body, DEFAULT_FRAGMENTS)) {
    const inside = note(scanned, body.filter((m) => m.start >= range.start && m.end <= range.end));
    const before = range.start > 0 ? ELLIPSIS : '';
    const after = range.end < text.body.length ? ELLIPSIS : '';
    highlights.body.push(`${before}${markHtml(scanned, inside, range.start, range.end).trim()}${after}`);
  }
  highlights.matchedTerms = words.filter(({ terms }) => [...terms].some((t) => matched.has(t))).map(({ word }) => word);
  highlights.matchedWords = [...surface];
  return highlights;
}

/** The body up to MAX_SCANNED_BODY, cut at a space (or between whole characters) so no word is halved. */
function scannedPart(body: string): string {
  if (body.length <= MAX_SCANNED_BODY) return body;
  const space = body.lastIndexOf(' ', MAX_SCANNED_BODY);
  let end = space > MAX_SCANNED_BODY - 200 ? space : MAX_SCANNED_BODY;
  if (/[\udc00-\udfff]/.test(body[end] ?? '')) end -= 1;
  return body.slice(0, end);
}
