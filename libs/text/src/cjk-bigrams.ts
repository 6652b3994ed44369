/**
 * Chinese, Japanese and Korean are written without spaces between words, so a run of letters between
 * spaces or punctuation is a clause ("习近平会见法国总统马克龙"), not a word. Search and near-duplicate
 * detection split such runs into overlapping character bigrams, as Lucene's CJKBigramFilter does:
 * 习近平会见 → 习近 近平 平会 会见. A word of two or more characters anywhere in the run then shares all
 * its bigrams with the run, without a dictionary. A character standing alone (between digits, Latin
 * letters or punctuation) is kept as one term, a unigram.
 *
 * One definition for the indexer (search terms) and ingest (MinHash shingles), so both split the same
 * text the same way. Callers pass composed text (NFC or NFKC): Hangul decomposed into jamo, or
 * half-width katakana, would make other bigrams.
 */

/**
 * The characters of CJK runs: Han (with 々 〆 〇), Hiragana, Katakana and Hangul, and the prolonged
 * sound mark ー, which is in the Common script but only ever written inside kana words (ラーメン).
 * Bopomofo, Thai, Lao, Khmer and Myanmar are not bigrammed (Lucene does not either).
 */
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30fc';

/** Any CJK character: a text without one needs no splitting (hasCjk tests it quicker). */
export const CJK_CHARACTER = new RegExp(`[${CJK_CLASS}]`, 'u');

/** Splits a word into its parts outside CJK runs (even indices, possibly empty) and the runs (odd indices). */
const CJK_RUN = new RegExp(`([${CJK_CLASS}]+)`, 'u');

/**
 * UTF-16 code units of the blocks that hold every CJK character (astral ones by their high
 * surrogate), and of some other characters (CJK punctuation, Bopomofo, emoji): a cheap first test.
 * A class of a few ranges, without the u flag, scans text several times faster than the Script
 * properties, and almost all text fails it (the spec checks it covers every CJK character).
 */
const CJK_BLOCKS = /[\u1100-\u11ff\u2e80-\u2fff\u3000-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef\ud81b\ud82b-\ud82d\ud83c\ud840-\ud8bf]/;

/** Whether the text holds a CJK character (Hangul jamo of NFD/NFKD text included). */
export function hasCjk(text: string): boolean {
  return CJK_BLOCKS.test(text) && CJK_CHARACTER.test(text);
}

/** Overlapping bigrams of a run of CJK characters, counted in code points (𠮷 is one); a one-character run is itself. */
export function cjkBigrams(run: string): string[] {
  // Astral characters (CJK extensions B and later) are two UTF-16 units; only then split by code point.
  const characters: string[] | string = /[\ud800-\udfff]/.test(run) ? Array.from(run) : run;
  if (characters.length <= 1) return characters.length === 1 ? [run] : [];
  const bigrams = new Array<string>(characters.length - 1);
  for (let i = 0; i < bigrams.length; i++) bigrams[i] = characters[i] + characters[i + 1];
  return bigrams;
}

/**
 * Each word in order, with every CJK run inside it replaced by the run's bigrams: `emit(term, true)`
 * for a bigram or unigram, `emit(part, false)` for a word or part of a word outside CJK runs, so
 * "G20峰会" gives g20 (false) then 峰会 (true). Words without CJK are passed on whole.
 */
export function forEachCjkSplit(words: Iterable<string>, emit: (term: string, cjk: boolean) => void): void {
  for (const word of words) {
    if (!CJK_CHARACTER.test(word)) {
      emit(word, false);
      continue;
    }
    const parts = word.split(CJK_RUN);
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) {
        if (parts[i]) emit(parts[i], false);
      } else {
        for (const bigram of cjkBigrams(parts[i])) emit(bigram, true);
      }
    }
  }
}

/** The words with CJK runs replaced by their bigrams, in order (see forEachCjkSplit). */
export function splitCjkWords(words: Iterable<string>): string[] {
  const terms: string[] = [];
  forEachCjkSplit(words, (term) => terms.push(term));
  return terms;
}
