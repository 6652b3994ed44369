export const HASHES = 64;
/** 16 bands of 4 rows: stories with shingle Jaccard ≥ 0.6 become candidates with ~90% probability, unrelated ones almost never. */
export const BANDS = 16;
const ROWS = HASHES / BANDS;
/** Estimated Jaccard similarity from which two stories are the same story. */
export const SAME_STORY = 0.5;
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

/**
 * MinHash signature of the body's word 3-shingles. The 64 hash functions are derived from two 32-bit
 * hashes per shingle (h1 + i·h2), which is as good as independent hashes here. Each word is hashed
 * once and a shingle's hash combines its three words': an md5 digest per shingle string was a tenth
 * of ingest's CPU under load (bench/README.md).
 */
export function minhash(text: string): number[] {
  const signature = new Array<number>(HASHES).fill(0xffffffff);
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return signature;
  const first = new Int32Array(words.length);
  const second = new Int32Array(words.length);
  words.forEach((word, i) => {
    first[i] = wordHash(word, 0x811c9dc5);
    second[i] = wordHash(word, 0x050c5d1f);
  });
  // A text shorter than a shingle is one shingle of all its words.
  const size = Math.min(SHINGLE, words.length);
  for (let start = 0; start + size <= words.length; start++) {
    const h1 = shingleHash(first, start, start + size);
    const h2 = shingleHash(second, start, start + size) | 1;
    for (let i = 0; i < HASHES; i++) {
      const value = (h1 + Math.imul(i, h2)) >>> 0;
      if (value < signature[i]) signature[i] = value;
    }
  }
  return signature;
}

export function estimatedJaccard(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/**
 * LSH band keys: a band's rows themselves (base 36), so candidates are exact band matches. Keys from
 * the earlier md5-based signatures (hex) never equal these, and expire with their TTL.
 */
export function bandKeys(signature: number[]): string[] {
  return Array.from({ length: BANDS }, (_, band) => `${band}:${signature.slice(band * ROWS, (band + 1) * ROWS).map((row) => row.toString(36)).join('.')}`);
}
