/**
 * The analyser shared by indexing and querying: both sides must turn text into the same terms.
 * Pure and synchronous. Changing it changes what the stored index means, so run `npm run reindex`
 * (or restart: the in-memory index is rebuilt from MongoDB at start-up) after any change here.
 */
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

/** Lower-case and strip accents: "Rabat", "RABAT" and "Rabât" become the same characters. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(UNDECOMPOSED, (letter) => LETTERS[letter]);
}

/** Letters and digits only; hyphens, dashes and apostrophes split words ("Al-Raisi" → al, raisi). */
export function tokenize(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
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
const ACRONYM_STOP_WORDS = /\b(?:WHO|IT|IS)\b/g;

/** Text to index terms, in order, repeats kept (term frequency is counted from them). */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (token.length > MAX_TOKEN_LENGTH || STOP_WORDS.has(token)) continue;
    if (token.length < 2 && !/\d/.test(token)) continue;
    terms.push(stem(token));
  }
  for (const [acronym] of text.matchAll(ACRONYM_STOP_WORDS)) terms.push(acronym.toLowerCase());
  return terms;
}

/** Query text to distinct terms, so "court courts" does not count the same term twice. */
export function analyzeQuery(text: string): string[] {
  return [...new Set(analyze(text))];
}

/** Key for comparing names (entity, place): folded, punctuation collapsed to single spaces. */
export function nameKey(name: string): string {
  return tokenize(name).join(' ');
}
