/**
 * The analyser shared by indexing and querying: both sides must turn text into the same terms.
 * Pure and synchronous. Changing it changes what the stored index means, so run `npm run reindex`
 * (or restart: the in-memory index is rebuilt from MongoDB at start-up) after any change here.
 */
import { forEachCjkSplit, hasCjk, splitCjkWords } from '@newsflow/text';

// Porter2 (Snowball English) stemmer shipped with wink-eng-lite-web-model, already a dependency of the enricher.
const porter2: (word: string) => string = require('wink-eng-lite-web-model/dist/porter-stemmer.js');

export type SearchField = 'headline' | 'summary' | 'body';
export const SEARCH_FIELDS: readonly SearchField[] = ['headline', 'summary', 'body'];

/** A headline match says more about what an article is about than a passing mention in the body. */
export const FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = { headline: 3, summary: 2, body: 1 };

/** Longer "words" are noise (hashes, URLs run together); dropping them also bounds the stemmer's work. */
const MAX_TOKEN_LENGTH = 40;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other our ' +
    'ours ourselves out over own same she should so some such than that the their theirs them themselves then there these ' +
    'they this those through to too under until up very was we were what when where which while who whom why will with ' +
    'would you your yours yourself yourselves said says also')
    .split(' '),
);

/** Letters NFKD leaves whole, spelt as an English keyboard writes them: "Łódź" → lodz, "Øresund" → oresund. */
const LETTERS: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const UNDECOMPOSED = /[łøßæœđðþı]/g;

/**
 * Letters whose marks folding strips: Latin, Greek (and Coptic), Cyrillic and Armenian accents
 * (é → e, й → и), Arabic and Hebrew optional vowel points (مُحَمَّد → محمد), letters of no one
 * script, and marks on no letter at all. Marks that spell a letter in other scripts stay: Devanagari
 * and Thai vowel signs and viramas (मोदी is not मद), Japanese dakuten (が is not か).
 */
const FOLDED_BASE =
  /[\p{Script=Latin}\p{Script=Greek}\p{Script=Coptic}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Common}\p{Script=Inherited}]|[^\p{L}]/u;
/**
 * A character outside the blocks of those scripts, punctuation and symbols (UTF-16 units, so any
 * astral character too): the text may have marks to keep or CJK runs. Without one every mark goes,
 * as before there were marks to keep: English and other European copy take that path, one quick scan.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- ranges of code units: U+0000 and combining marks are meant
const NOT_ONLY_FOLDED_SCRIPTS = /[^\u0000-\u06ff\u0750-\u077f\u08a0-\u08ff\u1d00-\u1fff\u2000-\u2bff\ufb00-\ufdff\ufe00-\ufe2f\ufe70-\ufeff]/;
const ALL_MARKS = /\p{M}+/gu;
/** Variation selectors (emoji and ideographic variants) hold no letter: dropped wherever they are. */
const VARIATION_SELECTORS = /[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;

/** Whether foldMarks kept a mark in the text being folded (fold is synchronous, so one flag serves). */
let keptMarks = false;

/** A run of marks at `offset` of `text`: kept when its base letter spells with marks, else dropped. */
function foldMarks(marks: string, offset: number, text: string): string {
  if (offset === 0) return '';
  // The base is the character just before the run (two UTF-16 units when astral).
  const before = text.charCodeAt(offset - 1);
  const base = before >= 0xdc00 && before <= 0xdfff && offset >= 2 ? text.slice(offset - 2, offset) : text[offset - 1];
  if (FOLDED_BASE.test(base)) return '';
  const kept = marks.replace(VARIATION_SELECTORS, '');
  if (kept) keptMarks = true;
  return kept;
}

/** Folded text, and whether it holds CJK characters. */
function fold(text: string): { folded: string; cjk: boolean } {
  let folded = text.normalize('NFKD');
  let cjk = false;
  if (!NOT_ONLY_FOLDED_SCRIPTS.test(folded)) {
    folded = folded.replace(ALL_MARKS, '');
  } else {
    // Hangul decomposed into jamo is CJK too.
    cjk = hasCjk(folded);
    keptMarks = false;
    folded = folded.replace(ALL_MARKS, foldMarks);
    // NFKD then NFC is NFKC: Hangul syllables, が and क्षि are whole again. Without Hangul or a kept
    // mark nothing composes.
    if (cjk || keptMarks) folded = folded.normalize('NFC');
  }
  return { folded: folded.toLowerCase().replace(UNDECOMPOSED, (letter) => LETTERS[letter]), cjk };
}

/** Lower-case and strip accents: "Rabat", "RABAT" and "Rabât" become the same characters. Other scripts are NFKC, with their marks. */
export function foldText(text: string): string {
  return fold(text).folded;
}

/** Words of the folded text: letters (with the marks folding kept), digits; hyphens, dashes and apostrophes split words. */
export const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * Letters and digits only; hyphens, dashes and apostrophes split words ("Al-Raisi" → al, raisi).
 * Chinese, Japanese and Korean runs become overlapping character bigrams (习近平 → 习近, 近平; see
 * @newsflow/text cjk-bigrams), since nothing separates their words.
 */
export function tokenize(text: string): string[] {
  const { folded, cjk } = fold(text);
  const words = folded.match(WORD) ?? [];
  return cjk ? splitCjkWords(words) : words;
}

/**
 * News vocabulary repeats heavily, and the stemmer (a cascade of regular expressions) is most of the
 * cost of indexing an article, so stems are memoised; the cache is dropped when it grows past a bound
 * rather than evicting one by one, which keeps it simple and its memory capped.
 */
const STEM_CACHE_LIMIT = 200_000;
const stems = new Map<string, string>();

export function stem(token: string): string {
  let stemmed = stems.get(token);
  if (stemmed === undefined) {
    // Numbers and mixed tokens (e.g. "2025", "g20") are kept as they are.
    stemmed = /^\p{L}+$/u.test(token) ? porter2(token) : token;
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(token, stemmed);
  }
  return stemmed;
}

/** Stop words that, written in capitals, are names: the World Health Organization, IT, Islamic State. */
export const ACRONYM_STOP_WORDS = /\b(?:WHO|IT|IS)\b/g;

/** Text to index terms, in order, repeats kept (term frequency is counted from them). */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  const { folded, cjk } = fold(text);
  const words = folded.match(WORD) ?? [];
  if (cjk) {
    // A CJK bigram or lone character is a term as it is: no stop word, stemming or length rule applies.
    forEachCjkSplit(words, (term, isCjk) => (isCjk ? terms.push(term) : addWord(terms, term)));
  } else {
    for (const word of words) addWord(terms, word);
  }
  for (const [acronym] of text.matchAll(ACRONYM_STOP_WORDS)) terms.push(acronym.toLowerCase());
  return terms;
}

function addWord(terms: string[], token: string): void {
  const term = termOfWord(token);
  if (term !== undefined) terms.push(term);
}

/** The term a (non-CJK) word of folded text is indexed as; undefined for a stop word, a lone letter or an overlong token. */
export function termOfWord(word: string): string | undefined {
  if (word.length > MAX_TOKEN_LENGTH || STOP_WORDS.has(word)) return undefined;
  if (word.length < 2 && !/\d/.test(word)) return undefined;
  return stem(word);
}

/** Query text to distinct terms, so "court courts" does not count the same term twice. */
export function analyzeQuery(text: string): string[] {
  return [...new Set(analyze(text))];
}

/** Key for comparing names (entity, place): folded, punctuation collapsed to single spaces (CJK names are not bigrammed). */
export function nameKey(name: string): string {
  return (foldText(name).match(WORD) ?? []).join(' ');
}
