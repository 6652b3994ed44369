import { hasCjk, splitCjkWords } from '@newsflow/text';

export const HASHES = 64;
/**
 * 21 bands of 3 rows (63 of the 64 hashes): a story and its rewrite with shingle Jaccard 0.4 become
 * candidates with ~76% probability, at 0.5 with ~93%, unrelated stories (≤ 0.1) with ~2%. 16 bands of
 * 4 rows, until 2026-12-08, found a write-through at 0.5 with ~64% and at 0.4 with ~34% only
 * (services/ingest/eval/clusters/results.md).
 */
export const BANDS = 21;
const ROWS = 3;
/**
 * Estimated Jaccard similarity from which two stories are the same story. Write-throughs with a new
 * lede and republications with a local paragraph measure 0.4–0.5 against their first version; 0.5
 * missed them, and lower admitted templated stories (the evaluation's tuning part).
 */
export const SAME_STORY = 0.4;
const SHINGLE = 3;

/** FNV-1a over UTF-16 code units from `seed`: one pass per word, no allocation. */
function wordHash(word: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

/** MurmurHash3's finalizer: spreads the combined word hashes over all 32 bits. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** An order-sensitive hash of words[from .. to), each word hashed once beforehand. */
function shingleHash(words: Int32Array, from: number, to: number): number {
  let h = 0x9e3779b9;
  for (let i = from; i < to; i++) h = Math.imul(h ^ words[i], 0x5bd1e995);
  return mix(h);
}

const FNV_SEED_1 = 0x811c9dc5;
const FNV_SEED_2 = 0x050c5d1f;
/**
 * Typographic punctuation of wire copy: curly quotes, guillemets, dashes, the ellipsis, no-break and
 * thin spaces. Lower-cased and NFKC-normalised, none holds a letter or digit (the spec checks each),
 * so like ASCII punctuation each only ends a word.
 */
export const TYPOGRAPHIC = '\u00a0\u00ab\u00bb\u2009\u2013\u2014\u2018\u2019\u201c\u201d\u2026';
/** A character outside ASCII and that punctuation: the text takes the Unicode path. */
const NEEDS_UNICODE = new RegExp(`[^\\u0000-\\u007f${TYPOGRAPHIC}]`);

/**
 * Both hashes of every word, in order: the words are the runs of letters and digits of the folded
 * text, and in Chinese, Japanese and Korean runs their character bigrams (see @newsflow/text).
 */
function wordHashes(text: string): { first: Int32Array; second: Int32Array; count: number } {
  if (NEEDS_UNICODE.test(text)) {
    const folded = text.toLowerCase().normalize('NFKC');
    const letterRuns = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
    // Chinese, Japanese and Korean runs are clauses, not words: their overlapping character bigrams
    // stand for words instead (as in search), so a shingle is four characters of such text.
    const words = hasCjk(folded) ? splitCjkWords(letterRuns) : letterRuns;
    const first = new Int32Array(words.length);
    const second = new Int32Array(words.length);
    words.forEach((word, i) => {
      first[i] = wordHash(word, FNV_SEED_1);
      second[i] = wordHash(word, FNV_SEED_2);
    });
    return { first, second, count: words.length };
  }
  // ASCII and typographic punctuation only: the same words and hashes from the character codes (NFKC
  // leaves ASCII as it is, its letters and digits are A–Z, a–z, 0–9, and every other character here
  // ends a word), without a string per word. The regular expression and its strings were a third of
  // the CPU; most wire copy has curly quotes or dashes, which sent it the slow way until 2026-12-06.
  const first = new Int32Array((text.length + 1) >> 1);
  const second = new Int32Array((text.length + 1) >> 1);
  let count = 0;
  let h1 = FNV_SEED_1;
  let h2 = FNV_SEED_2;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      first[count] = h1;
      second[count] = h2;
      count++;
      h1 = FNV_SEED_1;
      h2 = FNV_SEED_2;
      inWord = false;
    }
  }
  return { first, second, count };
}

/**
 * MinHash signature of the body's word 3-shingles. The 64 hash functions are derived from two 32-bit
 * hashes per shingle (h1 + i·h2), which is as good as independent hashes here. Each word is hashed
 * once and a shingle's hash combines its three words': an md5 digest per shingle string was a tenth
 * of ingest's CPU under load (bench/README.md). The signatures, and so the band keys already stored,
 * are the same as they were with a string per word and arithmetic on doubles.
 */
export function minhash(text: string): number[] {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const { first, second, count } = wordHashes(text);
  // A text shorter than a shingle is one shingle of all its words.
  const size = Math.min(SHINGLE, count);
  for (let start = 0; size > 0 && start + size <= count; start++) {
    const h1 = shingleHash(first, start, start + size) | 0;
    const h2 = shingleHash(second, start, start + size) | 1;
    // h1 + i·h2 modulo 2^32, kept in 32-bit integers and compared unsigned.
    let value = h1;
    for (let i = 0; i < HASHES; i++) {
      if (value >>> 0 < signature[i]) signature[i] = value;
      value = (value + h2) | 0;
    }
  }
  return Array.from(signature);
}

export function estimatedJaccard(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/**
 * LSH band keys: a band's rows themselves (base 36), so candidates are exact band matches. Keys from
 * the earlier md5-based signatures (hex), and the four-row keys before 2026-12-08 (three dots, where
 * these have two), never equal these: stories registered before are not found, and expire with their TTL.
 */
export function bandKeys(signature: number[]): string[] {
  return Array.from({ length: BANDS }, (_, band) => `${band}:${signature.slice(band * ROWS, (band + 1) * ROWS).map((row) => row.toString(36)).join('.')}`);
}
