import { firstParagraph } from './first-paragraph';

/**
 * Independent rewrites of one event by different agencies share almost no three-word shingles, but
 * name the same people, places and organisations in their headline and first paragraph. Ingest has
 * no entity extraction (the enricher runs later), so a name here is a capitalised word that does not
 * merely start a sentence: cheap, and good enough to find and check such rewrites.
 */
const WORD = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*/gu;
/** What ends a sentence or a dateline before a word: the next word's capital says nothing. */
const SENTENCE_BREAK = /[.!?:;—–(]|\s-\s/;
/** Capitalised but no name: weekdays, months, agencies' bylines, a sentence's pronoun. */
const NOT_NAMES = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec reuters ap afp dpa efe ansa i the a he she it we they his her its their'.split(' '),
);
/** Languages whose capitals mark every noun, not names. */
const NOUNS_CAPITALISED = new Set(['de', 'lb']);
/** A headline with this share of its longer words capitalised is in title case: its capitals mark no names. */
const TITLE_CASE = 0.6;

export interface LedeNames {
  /** The distinct folded names of the headline and first paragraph, the headline's first. */
  names: string[];
  /** How many of `names` the headline holds. */
  headlineNames: number;
}

/** Accents dropped ("São" is "sao"); ASCII, most wire copy, skips the costly normalisation. */
const fold = (word: string) => (/[^ -~\s]/.test(word) ? word.normalize('NFKD').replace(/\p{M}/gu, '') : word).toLowerCase().replace(/['’]s$/, '');
const capitalised = (word: string) => /^\p{Lu}/u.test(word);

/** Capitalised words of `text`, each marked whether it starts a sentence (or the text). */
function capitalisedWords(text: string): { name: string; initial: boolean }[] {
  const found: { name: string; initial: boolean }[] = [];
  let end = 0;
  let previous = '';
  for (const match of text.matchAll(WORD)) {
    const gap = text.slice(end, match.index);
    // "U.S. House", "Walter J. Kowalski": a full stop after an abbreviation or an initial ends no sentence.
    const abbreviation = gap.startsWith('.') && (previous.includes('.') || previous.length === 1) && !SENTENCE_BREAK.test(gap.slice(1));
    const initial = end === 0 || (SENTENCE_BREAK.test(gap) && !abbreviation);
    end = match.index + match[0].length;
    previous = match[0];
    if (capitalised(match[0])) found.push({ name: fold(match[0]), initial });
  }
  return found;
}

/** Whether a headline capitalises most of its longer words (title case). */
function titleCase(headline: string): boolean {
  const longer = (headline.match(WORD) ?? []).filter((word) => word.length > 3);
  return longer.length > 0 && longer.filter(capitalised).length >= TITLE_CASE * longer.length;
}

/**
 * The names of the headline and first paragraph. A sentence's first word counts when it is
 * capitalised elsewhere too ("Nordair strike: …" beside "pilots at Nordair"); a title-case headline
 * contributes only names its first paragraph has as well. Text without capitals (Chinese, Japanese,
 * Korean) and languages that capitalise nouns have none: the shingles already join their rewrites.
 */
export function ledeNames(headline: string, body: string, language?: string): LedeNames {
  if (language !== undefined && NOUNS_CAPITALISED.has(language.slice(0, 2).toLowerCase())) return { names: [], headlineNames: 0 };
  const lede = firstParagraph(body);
  const inHeadline = capitalisedWords(headline);
  const inLede = capitalisedWords(lede);
  const inner = new Set([...inHeadline, ...inLede].filter((w) => !w.initial).map((w) => w.name));
  const accepted = (words: { name: string; initial: boolean }[]) =>
    words.filter((w) => w.name.length > 1 && !NOT_NAMES.has(w.name) && !/^\p{N}/u.test(w.name) && (!w.initial || inner.has(w.name))).map((w) => w.name);
  const ledeSet = new Set(accepted(inLede));
  const inTitleCase = titleCase(headline);
  const fromHeadline = new Set(accepted(inHeadline).filter((name) => !inTitleCase || ledeSet.has(name)));
  return { names: [...new Set([...fromHeadline, ...ledeSet])], headlineNames: fromHeadline.size };
}

/** Names paired for candidate keys: the headline's, then the first paragraph's in order of appearance. */
const KEYED_NAMES = 5;

/**
 * Candidate keys of a story: each pair of its first KEYED_NAMES names (at most 10 keys). A pair is
 * far rarer than either name ("turkey" alone names every Turkish story of the day), and a rewrite
 * keeps the headline's subject and its place.
 */
export function namePairKeys(names: string[]): string[] {
  const keyed = names.slice(0, KEYED_NAMES);
  const keys: string[] = [];
  for (let i = 0; i < keyed.length; i++) for (let j = i + 1; j < keyed.length; j++) keys.push([keyed[i], keyed[j]].sort().join('|'));
  return keys;
}
