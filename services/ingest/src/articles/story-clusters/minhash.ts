import { createHash } from 'node:crypto';

export const HASHES = 64;
/** 16 bands of 4 rows: stories with shingle Jaccard ≥ 0.6 become candidates with ~90% probability, unrelated ones almost never. */
export const BANDS = 16;
const ROWS = HASHES / BANDS;
/** Estimated Jaccard similarity from which two stories are the same story. */
export const SAME_STORY = 0.5;

function shingles(text: string, size = 3): Set<string> {
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < size) return new Set(words.length ? [words.join(' ')] : []);
  return new Set(Array.from({ length: words.length - size + 1 }, (_, i) => words.slice(i, i + size).join(' ')));
}

/**
 * MinHash signature of the body's word 3-shingles. The 64 hash functions are derived from two
 * 32-bit halves of one digest per shingle (h1 + i·h2), which is as good as independent hashes here.
 */
export function minhash(text: string): number[] {
  const signature = new Array<number>(HASHES).fill(0xffffffff);
  for (const shingle of shingles(text)) {
    const digest = createHash('md5').update(shingle).digest();
    const h1 = digest.readUInt32BE(0);
    const h2 = digest.readUInt32BE(4) | 1;
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

/** LSH band keys: candidates are found by plain equality on an indexed array (fine on FerretDB). */
export function bandKeys(signature: number[]): string[] {
  return Array.from({ length: BANDS }, (_, band) => {
    const rows = signature.slice(band * ROWS, (band + 1) * ROWS).join(',');
    return `${band}:${createHash('md5').update(rows).digest('hex').slice(0, 12)}`;
  });
}
