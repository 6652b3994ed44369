import { CJK_CHARACTER } from '@newsflow/text';
import { ACRONYM_STOP_WORDS, foldText, termOfWord, WORD } from './analyzer';

/** A term of the analyser and where it stands in the original text (UTF-16 offsets, end exclusive). */
export interface TermSpan {
  term: string;
  start: number;
  end: number;
}

/**
 * The terms analyze() gives a text, each with the span of the original text it came from, so a
 * highlight marks exactly what the search matched ("São Paulo" for `q=sao paulo`, "Straße" for
 * `q=strasse`). The text is folded a whitespace-separated chunk at a time (folding never joins or
 * splits across whitespace, so the terms are those of the whole text), and each chunk is aligned
 * character by character (a base letter with its marks), since folding changes lengths: ß → ss,
 * ﬁ → fi, e + ◌́ → e. Where a chunk does not align that way, its terms span the whole chunk.
 * Sorted by start; the acronym terms (WHO, IT, IS) are found on the original text, as analyze() does.
 * With `keep`, only the terms it accepts (a highlight wants the query's, and a body has thousands).
 */
export function termSpans(text: string, keep: (term: string) => boolean = () => true): TermSpan[] {
  const spans: TermSpan[] = [];
  for (const chunk of text.matchAll(CHUNK)) {
    const offset = chunk.index;
    const original = chunk[0];
    const ascii = !NON_ASCII.test(original);
    const folded = ascii ? original.toLowerCase() : foldText(original);
    // For each folded offset, the original offset of the character it came from; the last entry is the chunk's end.
    const origin = ascii ? undefined : alignFolded(original, folded);
    const at = (i: number) => offset + (origin ? origin[i] : i);
    const span = (term: string, start: number, end: number): TermSpan =>
      ascii || origin ? { term, start: at(start), end: endOf(origin, offset, end, original.length) } : wholeChunk(term, original, offset);
    for (const word of folded.matchAll(WORD)) {
      const start = word.index;
      if (!CJK_CHARACTER.test(word[0])) {
        const term = termOfWord(word[0]);
        if (term !== undefined && keep(term)) spans.push(span(term, start, start + word[0].length));
        continue;
      }
      forEachCjkPart(word[0], start, (term, from, to) => keep(term) && spans.push(span(term, from, to)));
    }
  }
  for (const acronym of text.matchAll(ACRONYM_STOP_WORDS)) if (keep(acronym[0].toLowerCase())) spans.push({ term: acronym[0].toLowerCase(), start: acronym.index, end: acronym.index + acronym[0].length });
  return spans.sort((x, y) => x.start - y.start || x.end - y.end);
}

const CHUNK = /\S+/g;
// eslint-disable-next-line no-control-regex -- the ASCII range by its bounds
const NON_ASCII = /[^\u0000-\u007f]/;
/** A character as folding treats it: a code point with the marks (and conjoining jamo, half-width sound marks) that fold with it. */
const UNIT = /[\s\S][\p{M}\u1160-\u11ff\uff9e\uff9f]*/gu;
/** Folding lower-cases a chunk at once, where a word-final capital sigma becomes ς; alone it is σ. */
const FINAL_SIGMA = /ς/g;

/**
 * origin[i] is the original offset (within the chunk) of the character folded offset i came from,
 * and origin[folded.length] the chunk's length; undefined when folding character by character does
 * not give the chunk's folded text (then the chunk is marked whole).
 */
function alignFolded(original: string, folded: string): Int32Array | undefined {
  const origin = new Int32Array(folded.length + 1);
  let length = 0;
  for (const unit of original.matchAll(UNIT)) {
    const part = foldUnit(unit[0]);
    if (!folded.startsWith(part, length) && !sameButSigma(folded, length, part)) return undefined;
    origin.fill(unit.index, length, length + part.length);
    length += part.length;
  }
  if (length !== folded.length) return undefined;
  origin[length] = original.length;
  return origin;
}

function sameButSigma(folded: string, at: number, part: string): boolean {
  return folded.slice(at, at + part.length).replace(FINAL_SIGMA, 'σ') === part.replace(FINAL_SIGMA, 'σ');
}

/**
 * Folding one character at a time is most of the cost for text in other scripts (a CJK body is one
 * chunk of thousands), and a text repeats few distinct characters: memoised, dropped whole at a bound.
 */
const UNIT_CACHE_LIMIT = 20_000;
const foldedUnits = new Map<string, string>();

function foldUnit(unit: string): string {
  let folded = foldedUnits.get(unit);
  if (folded === undefined) {
    folded = foldText(unit);
    if (foldedUnits.size >= UNIT_CACHE_LIMIT) foldedUnits.clear();
    foldedUnits.set(unit, folded);
  }
  return folded;
}

/** The original end of a span ending at folded offset `end`: the end of the character its last folded letter came from. */
function endOf(origin: Int32Array | undefined, offset: number, end: number, chunkLength: number): number {
  if (!origin) return offset + end;
  const last = origin[end - 1];
  let next = end;
  while (next < origin.length - 1 && origin[next] === last) next += 1;
  return offset + (next < origin.length - 1 ? origin[next] : chunkLength);
}

/** The chunk without the punctuation around it (a quoted or bracketed word). */
function wholeChunk(term: string, chunk: string, offset: number): TermSpan {
  const lead = chunk.search(/[\p{L}\p{N}]/u);
  const trail = /[^\p{L}\p{N}\p{M}]*$/u.exec(chunk);
  const start = Math.max(lead, 0);
  const end = Math.max(start + 1, chunk.length - (trail ? trail[0].length : 0));
  return { term, start: offset + start, end: offset + end };
}

/**
 * A folded word holding CJK characters, split as forEachCjkSplit does: its parts outside CJK runs
 * are words, each run gives its overlapping bigrams (by code point) or, alone, a unigram.
 */
function forEachCjkPart(word: string, offset: number, emit: (term: string, start: number, end: number) => void): void {
  let i = 0;
  while (i < word.length) {
    CJK_RUN_AT.lastIndex = i;
    const run = CJK_RUN_AT.exec(word);
    if (!run) {
      CJK_ANYWHERE.lastIndex = i;
      const end = CJK_ANYWHERE.exec(word)?.index ?? word.length;
      const term = termOfWord(word.slice(i, end));
      if (term !== undefined) emit(term, offset + i, offset + end);
      i = end;
      continue;
    }
    const end = i + run[0].length;
    // Code point starts; astral characters (CJK extensions B and later) take two units.
    let starts: number[] | undefined;
    if (SURROGATE.test(run[0])) {
      starts = [];
      for (let at = i; at < end; at += (word.codePointAt(at) as number) > 0xffff ? 2 : 1) starts.push(at);
    }
    const count = starts ? starts.length : end - i;
    const startOf = (c: number) => (c >= count ? end : starts ? starts[c] : i + c);
    if (count === 1) emit(run[0], offset + i, offset + end);
    for (let c = 0; c + 1 < count; c += 1) emit(word.slice(startOf(c), startOf(c + 2)), offset + startOf(c), offset + startOf(c + 2));
    i = end;
  }
}

const CJK_RUN_AT = new RegExp(`${CJK_CHARACTER.source}+`, 'uy');
const CJK_ANYWHERE = new RegExp(CJK_CHARACTER.source, 'ug');
const SURROGATE = /[\ud800-\udfff]/;
