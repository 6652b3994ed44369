/**
 * An article's term ids, kept only to release its postings when it is replaced (and its entity and
 * place key ids, see SubjectIndex, read by filters too): sorted, delta-coded
 * as 7-bit varints, in a one-byte string. An Int32Array per article cost 4 bytes an id plus
 * a buffer object and an off-heap allocation each (~600 bytes an article on the bench corpus);
 * this costs ~1–2 bytes an id and one string header.
 */
export function packTermIds(ids: Iterable<number>): string {
  const sorted = Int32Array.from(ids).sort();
  const codes: number[] = [];
  let previous = 0;
  for (const id of sorted) {
    let delta = id - previous;
    previous = id;
    while (delta >= 0x80) {
      codes.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    codes.push(delta);
  }
  // In chunks: fromCharCode takes its codes as arguments, and argument counts are limited.
  let packed = '';
  for (let i = 0; i < codes.length; i += 8192) packed += String.fromCharCode(...codes.slice(i, i + 8192));
  return packed;
}

export function forEachTermId(packed: string, visit: (id: number) => void): void {
  let id = 0;
  let delta = 0;
  let shift = 0;
  for (let i = 0; i < packed.length; i += 1) {
    const code = packed.charCodeAt(i);
    delta += (code & 0x7f) * 2 ** shift;
    if (code & 0x80) {
      shift += 7;
      continue;
    }
    id += delta;
    visit(id);
    delta = 0;
    shift = 0;
  }
}

/** Whether the packed ids hold `wanted`; stops at the first id past it, since they are sorted. */
export function includesTermId(packed: string, wanted: number): boolean {
  let id = 0;
  let delta = 0;
  let shift = 0;
  for (let i = 0; i < packed.length; i += 1) {
    const code = packed.charCodeAt(i);
    delta += (code & 0x7f) * 2 ** shift;
    if (code & 0x80) {
      shift += 7;
      continue;
    }
    id += delta;
    if (id >= wanted) return id === wanted;
    delta = 0;
    shift = 0;
  }
  return false;
}
