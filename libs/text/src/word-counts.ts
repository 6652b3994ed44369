import { LANGUAGES, STOPWORD_LANGUAGES } from './stop-words';

/** A text's letters and words (runs of letters, folded to lower case), and each language's stop-word hits, indexed as LANGUAGES. */
export interface WordCounts {
  letters: number;
  words: number;
  hits: number[];
}

/**
 * The stop words made of ASCII letters, keyed by the word packed into a number (five bits a letter),
 * so that ASCII text is looked up without a string per word.
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

const LETTER = /\p{L}/u;

/**
 * Counted from the character codes, for a text whose letters are all ASCII (most English wire copy,
 * curly quotes and dashes included); undefined for any other text. The regular expression, the
 * lower-cased copy and a string per word of the general path were 8 % of the enricher's main thread
 * under load, and language detection 8 % of what ingest allocated.
 */
export function asciiWordCounts(text: string): WordCounts | undefined {
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

/** The same counts for any text. */
export function unicodeWordCounts(text: string): WordCounts {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = LANGUAGES.map(() => 0);
  for (const word of words) {
    for (const lang of STOPWORD_LANGUAGES.get(word) ?? []) hits[lang]++;
  }
  return { letters: letterCount(text), words: words.length, hits };
}

/** Letters in code points, without an array of them: an astral letter is two UTF-16 units, one letter. */
function letterCount(text: string): number {
  const letters = text.replace(/\P{L}+/gu, '');
  return letters.length - (letters.match(/[\ud800-\udbff]/g) ?? []).length;
}
