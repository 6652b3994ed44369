import { knownOrganisation } from './acronyms';
import { isCalendarWord, LEADING_STOPWORDS } from './common-words';
import { ORG_CUES } from './organisation-cues';
import { ROLE_CUES, titleLengthAt } from './person-names';
import { stripPossessive } from './normalise-name';
import { hasOnlyAsciiWords } from './ascii-text';
import { isAcronym, isCapitalised, Token } from './tokenise';

/** A run of capitalised words (with name connectors) that may name something. */
export interface Sequence {
  words: Token[];
  start: number;
  end: number;
  text: string;
  /** Lower-cased words just before, for cues like "in", "coach", "said". */
  before: string[];
  /** The word just after, and the text just after (for "(ACR)" and ", Country"). */
  after: string;
}

const CONNECTORS = new Set(['of', 'the', 'for', 'on', 'de', 'del', 'della', 'da', 'di', 'du', 'des', 'dos', 'das', 'do', 'los', 'las', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'y', '&', 'and']);
/** Whether text[from, to) is a gap within a line: `^[ \t\u00a0]+$` read by character codes (every pair of tokens is asked). */
export function isInlineGap(text: string, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  if (end <= from) return false;
  for (let i = from; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0) return false;
  }
  return true;
}
/**
 * Words a run may hold before it is cut. The longest names are eight words ("U.N. Office for the
 * Coordination of Humanitarian Affairs") and the longest runs in the evaluation sets twelve (two titled
 * names joined by "and"); anything longer is a list, a lineup or a title-cased body, and classifying it
 * whole costs the square or the cube of its length.
 */
export const MAX_RUN_WORDS = 16;

const PARTICLE_NAME = /^(?:al|el|bin|ibn|ben)-\p{Lu}/u;
/** First letters of PARTICLE_NAME's words: other words need not try it. */
const PARTICLE_FIRST = new Set([...'aebi'].map((c) => c.charCodeAt(0)));

function startsName(t: Token): boolean {
  return (isCapitalised(t.text) || (PARTICLE_FIRST.has(t.text.charCodeAt(0)) && PARTICLE_NAME.test(t.text))) && !isCalendarWord(t.text);
}

/**
 * Finds capitalised runs. Possessives end a run ("Morocco’s Global…" gives "Morocco"), calendar
 * words split it, and sentence-initial function words ("The", "Speaking") are trimmed off.
 */
export function findSequences(text: string, tokens: Token[]): Sequence[] {
  const out: Sequence[] = [];
  const ascii = hasOnlyAsciiWords(text);
  const lowerWords = new Set<string>();
  for (const t of tokens) if (!(ascii ? hasAsciiCapital(t.text) : UPPER.test(t.text))) lowerWords.add(t.text);
  // A run cut at MAX_RUN_WORDS goes on in the next: its cue ("in" before a list of places) is the first part's.
  let carried: string[] | undefined;
  let i = 0;
  while (i < tokens.length) {
    if (!startsName(tokens[i])) { i += 1; continue; }
    const run: Token[] = [tokens[i]];
    let j = i;
    while (run.length < MAX_RUN_WORDS && (!hasPossessive(tokens[j]) || possessiveInName(tokens, j)) && j + 1 < tokens.length && isInlineGap(text, tokens[j].end, tokens[j + 1].start)) {
      const next = tokens[j + 1];
      if (startsName(next)) { run.push(next); j += 1; continue; }
      // "of the", "bin", "van der" only join when a capitalised word follows.
      const k = CONNECTORS.has(next.text.toLowerCase()) ? nextNameAfterConnectors(text, tokens, j + 1, run) : -1;
      if (k < 0) break;
      for (let m = j + 1; m <= k; m += 1) run.push(tokens[m]);
      j = k;
    }
    i = j + 1;
    const inherited = carried;
    carried = undefined;
    const cut = run.length >= MAX_RUN_WORDS && i < tokens.length && startsName(tokens[i]) && !hasPossessive(tokens[j]) && isInlineGap(text, tokens[j].end, tokens[i].start);
    const trimmed = trim(run, lowerWords);
    if (trimmed.length === 0) continue;
    const first = trimmed[0];
    const last = trimmed[trimmed.length - 1];
    const lastText = stripPossessive(last.text);
    const words = [...trimmed.slice(0, -1), { ...last, text: lastText.text, end: last.end - lastText.removed }];
    const start = first.start;
    const end = words[words.length - 1].end;
    const firstIndex = tokens.indexOf(first, Math.max(0, i - run.length - 1));
    const before = inherited ?? wordsBefore(text, tokens, firstIndex);
    if (cut) carried = before;
    out.push({ words, start, end, text: text.slice(start, end), before, after: text.slice(end, end + 40) });
  }
  return out;
}

const UPPER = /\p{Lu}/u;

function isUpperAscii(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** `/[A-Z]/.test(word)` by character codes: asked of every token of an ASCII text. */
function hasAsciiCapital(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

/**
 * The two words before a run, lower-cased, within its sentence and quotation: "in 2019. Mateo Rossi
 * said" has no "in" before the name (a claimed date between them once made the name a place), nor
 * '…Golf Club," McIlroy said' a "club".
 */
function wordsBefore(text: string, tokens: Token[], first: number): string[] {
  if (first <= 0 || tokens[first].sentenceStart || closesQuote(text, tokens[first - 1].end, tokens[first].start)) return [];
  const from = first === 1 || tokens[first - 1].sentenceStart || closesQuote(text, tokens[first - 2].end, tokens[first - 1].start) ? first - 1 : first - 2;
  return tokens.slice(from, first).map((t) => t.text.toLowerCase());
}

/** Whether text[from, to) holds a closing quotation mark or bracket (a single space, nearly always, holds none). */
function closesQuote(text: string, from: number, to: number): boolean {
  if (to - from === 1) return false;
  for (let i = from; i < to; i += 1) {
    const c = text[i];
    if (c === '"' || c === '”' || c === '»' || c === ')' || c === ']') return true;
  }
  return false;
}

function hasPossessive(t: Token): boolean {
  // A possessive ends in s, ' or ’: other words (nearly all) need not try the pattern.
  const last = t.text[t.text.length - 1];
  return (last === 's' || last === "'" || last === '’') && stripPossessive(t.text).removed > 0;
}

/** "Hawke’s Bay", "St John’s Wood", "St. Peter’s Square": a possessive followed by a place word is part of the name. */
function possessiveInName(tokens: Token[], j: number): boolean {
  const next = tokens[j + 1];
  // "Australian Workers' Union", "Teachers’ Association": a plural's possessive inside a body's name (a country's is "'s").
  if (next && PLURAL_POSSESSIVE.test(tokens[j].text) && BODY_AFTER_PLURAL.test(next.text)) return true;
  return !!next && /^(?:Bay|Island|Islands|Point|Wood|Head|Creek|Peak|Harbour|Harbor|Cove|Lake|Office|Department|Square|Basilica|Cathedral|Church|Abbey|Chapel|Hospital|College)$/.test(next.text);
}

const PLURAL_POSSESSIVE = /s['’]$/;
const BODY_AFTER_PLURAL = /^(?:Union|Association|Federation|Party|Fund|Council|Congress|League|Alliance|Movement|Front|Guild|Cooperative)$/;

const ORG_RUN = /^(?:Department|Ministry|Center|Centre|Institute|Bureau|Council|Organization|Organisation|Agency|Commission|Office|Committee|School|University|Association|Federation)$/;

function nextNameAfterConnectors(text: string, tokens: Token[], from: number, run: Token[]): number {
  let k = from;
  const and = tokens[from].text.toLowerCase() === 'and' || tokens[from].text === '&';
  while (k < tokens.length && CONNECTORS.has(tokens[k].text.toLowerCase()) && k - from < 2) {
    if (k + 1 >= tokens.length || !isInlineGap(text, tokens[k].end, tokens[k + 1].start)) return -1;
    k += 1;
  }
  if (k >= tokens.length || !startsName(tokens[k])) return -1;
  // "and" joins only inside names that carry a head noun later ("Ministry of Trade and Industry"), checked by the caller's classifier.
  if (and && run.length > 3 && !run.some((t) => ORG_RUN.test(t.text))) return -1;
  // "on" joins only after bodies that sit "on" a subject ("Council on Foreign Relations"), not "Dam on the Blue Nile".
  if (tokens[from].text === 'on' && !/^(?:Council|Committee|Commission|Conference|Panel|Convention)$/.test(tokens[from - 1].text)) return -1;
  return k;
}

function trim(run: Token[], lowerWords: Set<string>): Token[] {
  let a = 0;
  let b = run.length;
  const texts = run.map((t) => t.text);
  // A title opening the run ("Chief Executive Vanessa Hudson") is kept for the classifier to split off.
  // "Bank of Japan Governor…" opening a sentence: a cue word before "of" heads the name.
  while (a < b && titleLengthAt(texts, a) === 0 && isDroppableLead(run[a], lowerWords) && !headsName(run, a)) a += 1;
  while (b > a && (CONNECTORS.has(run[b - 1].text.toLowerCase()) || run[b - 1].text === 'The')) b -= 1;
  return run.slice(a, b);
}

function headsName(run: Token[], a: number): boolean {
  return ORG_CUES.has(run[a].text.toLowerCase()) && run[a + 1]?.text === 'of' && a + 2 < run.length;
}

/** Sentence-initial capitals carry no signal: drop function words and words the text also uses in lower case. */
function isDroppableLead(t: Token, lowerWords: Set<string>): boolean {
  const lower = t.text.toLowerCase();
  // "WHO said": an organisation's acronym, though the word is a stopword; in a shouted text every word is in capitals.
  if (isUpperAscii(t.text.charCodeAt(1)) && lowerWords.size > 0 && isAcronym(t.text) && knownOrganisation(t.text)) return false;
  if (CONNECTORS.has(t.text)) return true;
  if (!t.sentenceStart) return LEADING_STOPWORDS.has(lower) && lower !== 'new';
  if (LEADING_STOPWORDS.has(lower) || ROLE_CUES.has(lower) || ORG_CUES.has(lower)) return true;
  if (/^\p{Lu}\p{Ll}+(?:ing|ly|ed)$/u.test(t.text)) return true;
  return lowerWords.has(lower);
}
