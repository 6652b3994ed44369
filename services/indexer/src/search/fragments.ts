import { Range } from './mark-matches';

/** A match in the text, with the term it matched: fragments are chosen by how many distinct terms they hold. */
export interface Match extends Range {
  term: string;
}

export interface FragmentOptions {
  /** At most this many fragments. */
  count: number;
  /** Target length of a fragment, in UTF-16 units; the matches of one must lie within it. */
  size: number;
}

export const DEFAULT_FRAGMENTS: FragmentOptions = { count: 3, size: 180 };

/** How far a cut looks for a space to cut at before it cuts between two characters (CJK text has none). */
const WORD_BOUNDARY_REACH = 30;

/**
 * Up to `count` non-overlapping stretches of `text` around its best passages, in document order: a
 * passage is the matches within `size` of its first, ranked by the distinct terms it holds, then by
 * its matches, then by coming first. Each stretch is about `size` long, the passage centred in it,
 * cut at spaces (or, without one near, between whole characters). `matches` sorted by start.
 */
export function bestFragments(text: string, matches: readonly Match[], { count, size }: FragmentOptions = DEFAULT_FRAGMENTS): Range[] {
  const chosen: Range[] = [];
  const taken = (m: Match) => chosen.some((r) => m.start < r.end && m.end > r.start);
  while (chosen.length < count) {
    // The best window of matches no wider than `size` and holding no match already shown, found by
    // sliding its end: the window ending at each match starts at the first match within reach.
    let best: { first: number; last: number; terms: number } | undefined;
    const terms = new Map<string, number>();
    let first = 0;
    for (let last = 0; last < matches.length; last += 1) {
      if (taken(matches[last])) {
        terms.clear();
        first = last + 1;
        continue;
      }
      terms.set(matches[last].term, (terms.get(matches[last].term) ?? 0) + 1);
      for (; first < last && matches[last].end - matches[first].start > size; first += 1) {
        const left = (terms.get(matches[first].term) as number) - 1;
        if (left) terms.set(matches[first].term, left);
        else terms.delete(matches[first].term);
      }
      if (!best || terms.size > best.terms || (terms.size === best.terms && last - first > best.last - best.first)) best = { first, last, terms: terms.size };
    }
    if (!best) break;
    const from = matches[best.first].start;
    const to = Math.max(...matches.slice(best.first, best.last + 1).map((m) => m.end));
    // Never over a fragment already chosen: it is trimmed back to its own passage if it would be.
    chosen.push(clear(around(text, from, to, size), chosen, from, to));
  }
  return chosen.sort((x, y) => x.start - y.start);
}

/** About `size` of text with [from, to) in the middle, moved inside the text and cut at word boundaries. */
function around(text: string, from: number, to: number, size: number): Range {
  const room = Math.max(0, size - (to - from));
  let start = Math.max(0, from - Math.floor(room / 2));
  const end = Math.min(text.length, start + Math.max(size, to - from));
  start = Math.max(0, Math.min(start, end - size));
  return { start: cutForward(text, start, from), end: cutBackward(text, end, to) };
}

function clear(range: Range, chosen: readonly Range[], from: number, to: number): Range {
  let { start, end } = range;
  for (const other of chosen) {
    if (other.end <= from && other.end > start) start = other.end;
    if (other.start >= to && other.start < end) end = other.start;
  }
  return { start, end };
}

/** A start at `at` or after it (not past `limit`): just after a space, else at a whole character. */
function cutForward(text: string, at: number, limit: number): number {
  if (at === 0 || /\s/.test(text[at - 1])) return at;
  for (let i = at; i < Math.min(limit, at + WORD_BOUNDARY_REACH); i += 1) if (/\s/.test(text[i])) return i + 1;
  let i = at;
  while (i < limit && isInsideCharacter(text, i)) i += 1;
  return i;
}

/** An end at `at` or before it (not before `limit`): at a space, else after a whole character. */
function cutBackward(text: string, at: number, limit: number): number {
  if (at >= text.length || /\s/.test(text[at])) return at;
  for (let i = at; i > Math.max(limit, at - WORD_BOUNDARY_REACH); i -= 1) if (/\s/.test(text[i - 1])) return i - 1;
  let i = at;
  while (i > limit && isInsideCharacter(text, i)) i -= 1;
  return i;
}

/** Whether an offset falls inside a character: after a high surrogate, or before a combining mark. */
function isInsideCharacter(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  return (unit >= 0xdc00 && unit <= 0xdfff) || /^\p{M}/u.test(text.slice(at, at + 1));
}
