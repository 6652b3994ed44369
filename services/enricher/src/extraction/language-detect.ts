/**
 * A deliberately small guesser for "the tag says en but the text is not": script first, then the
 * share of each language's commonest function words. It answers only when the evidence is clear.
 */
export const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'with', 'on', 'said', 'he', 'it', 'as', 'by', 'at', 'from', 'his', 'has'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'un', 'une', 'est', 'dans', 'que', 'pour', 'qui', 'sur', 'au', 'pas', 'avec', 'il', 'ce', 'aux'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'que', 'en', 'un', 'una', 'por', 'con', 'para', 'del', 'se', 'al', 'es', 'su', 'lo', 'como'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'den', 'mit', 'von', 'sich', 'des', 'auf', 'für', 'ein', 'eine', 'dem', 'im', 'zu', 'auch', 'wird'],
  it: ['il', 'di', 'che', 'la', 'e', 'per', 'un', 'una', 'del', 'della', 'non', 'sono', 'con', 'gli', 'le', 'nel', 'alla', 'anche', 'ha', 'si'],
  pt: ['o', 'a', 'os', 'as', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'no', 'na', 'por', 'se', 'dos'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'in', 'voor', 'niet', 'met', 'zijn', 'die', 'ook', 'aan', 'er', 'maar', 'om'],
};

export const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Arabic}/gu, 'ar'], [/\p{Script=Cyrillic}/gu, 'ru'], [/\p{Script=Han}/gu, 'zh'], [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'], [/\p{Script=Devanagari}/gu, 'hi'], [/\p{Script=Greek}/gu, 'el'], [/\p{Script=Hebrew}/gu, 'he'], [/\p{Script=Thai}/gu, 'th'],
];

const LANGUAGES = Object.keys(STOPWORDS);

/** Each stop word with the indices in LANGUAGES of the languages listing it ('de' is Spanish, Portuguese and Dutch). */
const STOPWORD_LANGUAGES = new Map<string, number[]>();
LANGUAGES.forEach((lang, index) => {
  for (const word of STOPWORDS[lang]) STOPWORD_LANGUAGES.set(word, [...(STOPWORD_LANGUAGES.get(word) ?? []), index]);
});

/**
 * The same for the stop words of ASCII letters only, keyed by the word packed into a number (five
 * bits a letter), so the ASCII path looks words up without making a string of each.
 */
const MAX_PACKED_LETTERS = 6;
const PACKED_STOPWORD_LANGUAGES = new Map<number, number[]>();
for (const [word, languages] of STOPWORD_LANGUAGES) {
  if (!/^[a-z]+$/.test(word)) continue;
  if (word.length > MAX_PACKED_LETTERS) throw new Error(`stop word "${word}" is longer than ${MAX_PACKED_LETTERS} letters`);
  let key = 0;
  for (let i = 0; i < word.length; i++) key = key * 32 + (word.charCodeAt(i) - 0x60);
  PACKED_STOPWORD_LANGUAGES.set(key, languages);
}

/** Any character of the SCRIPTS above. */
const ANY_SCRIPT = new RegExp(`[${SCRIPTS.map(([re]) => re.source.replace(/^\[|\]$/g, '')).join('')}]`, 'u');
const LETTER = /\p{L}/u;

/** Whether `text` has at least `n` letters, looking no further than the n-th. */
function hasLetters(text: string, n: number): boolean {
  const letter = /\p{L}/gu;
  let found = 0;
  while (letter.exec(text)) if (++found >= n) return true;
  return false;
}

/** The sample's words, and each language's stop-word hits (indexed as LANGUAGES). */
interface WordCounts {
  words: number;
  hits: number[];
}

/**
 * Words are runs of letters, folded to lower case. For a text whose letters are all ASCII (most
 * English wire copy, curly quotes and dashes included) they are counted from the character codes;
 * otherwise undefined, and the caller takes the Unicode path. The regular expression, the lower-cased
 * copy and a string per word were 8 % of the enricher's main thread under load.
 */
function asciiWordCounts(text: string): (WordCounts & { letters: number }) | undefined {
  const hits = LANGUAGES.map(() => 0);
  let letters = 0;
  let words = 0;
  let length = 0;
  let key = 0;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c >= 0x80 && ((c >= 0xd800 && c <= 0xdfff) || LETTER.test(text[i]))) return undefined;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c >= 0x61 && c <= 0x7a) {
      letters++;
      length++;
      if (length <= MAX_PACKED_LETTERS) key = key * 32 + (c - 0x60);
    } else if (length > 0) {
      words++;
      const languages = length <= MAX_PACKED_LETTERS ? PACKED_STOPWORD_LANGUAGES.get(key) : undefined;
      if (languages) for (let j = 0; j < languages.length; j++) hits[languages[j]]++;
      length = 0;
      key = 0;
    }
  }
  return { letters, words, hits };
}

function unicodeWordCounts(sample: string): WordCounts {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = LANGUAGES.map(() => 0);
  for (const word of words) {
    for (const lang of STOPWORD_LANGUAGES.get(word) ?? []) hits[lang]++;
  }
  return { words: words.length, hits };
}

/** The language whose stop words are a clear share of the words, well ahead of the next. */
function vote({ words, hits }: WordCounts): string | undefined {
  if (words < 8) return undefined;
  const scores = LANGUAGES.map((lang, index) => [lang, hits[index] / words] as const);
  scores.sort((a, b) => b[1] - a[1]);
  const [top, second] = scores;
  return top[1] >= 0.12 && top[1] >= second[1] * 1.5 ? top[0] : undefined;
}

/**
 * Counted without an array per letter or a filter per language, and the script ratios only when
 * the text has a character of those scripts at all: this runs on every article, and the
 * straightforward version took 0.22 ms of the enricher's main thread per 3.6 KB story (now 0.09).
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 5000);
  const ascii = asciiWordCounts(sample);
  if (ascii) return ascii.letters < 20 ? undefined : vote(ascii);
  if (!hasLetters(sample, 20)) return undefined;
  if (ANY_SCRIPT.test(sample)) {
    const letters = (sample.match(/\p{L}/gu) ?? []).length;
    for (const [re, lang] of SCRIPTS) {
      if ((sample.match(re) ?? []).length / letters > 0.5) return lang;
    }
  }
  return vote(unicodeWordCounts(sample));
}
