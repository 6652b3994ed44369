import { FieldCounts } from './bm25';

/** A field count above this is stored as this; BM25 saturates long before. */
const MAX_COUNT = 1023;

export function packCounts(counts: readonly [number, number, number]): number {
  return (Math.min(counts[0], MAX_COUNT) << 20) | (Math.min(counts[1], MAX_COUNT) << 10) | Math.min(counts[2], MAX_COUNT);
}

export function unpackCounts(packed: number): FieldCounts {
  return { headline: (packed >>> 20) & MAX_COUNT, summary: (packed >>> 10) & MAX_COUNT, body: packed & MAX_COUNT };
}

/**
 * One term's postings, in slot order, as varints in one growable byte array: the gap from the
 * previous slot (slots only grow, so gaps are small), then the packed field counts (body-only counts,
 * the common case, take one byte). ~2–3 bytes an entry, where two Int32Arrays took 8 (22 MB for the
 * 26,000 articles of a default bench run), and a Map per article over 100. A replaced article's
 * entries stay until enough of the list is dead, then the list is rewritten without them.
 */
export class PostingList {
  private bytes = new Uint8Array(16);
  private end = 0;
  private lastSlot = -1;
  /** Entries, live or dead. */
  length = 0;
  /** Entries whose article is still current: the term's document frequency. */
  live = 0;

  /** `slot` must be above every slot added before (a new article version always gets a new slot). */
  add(slot: number, packed: number): void {
    this.append(slot, packed);
    this.live += 1;
  }

  /** Every entry, live or dead, in slot order. */
  forEach(visit: (slot: number, packed: number) => void): void {
    const bytes = this.bytes;
    let slot = -1;
    let position = 0;
    while (position < this.end) {
      let gap = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = bytes[position++];
        gap += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) break;
      }
      let packed = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = bytes[position++];
        packed += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) break;
      }
      slot += gap;
      visit(slot, packed);
    }
  }

  /** Called when an article holding this term was replaced or removed. */
  release(isLive: (slot: number) => boolean): void {
    this.live -= 1;
    if (this.length - this.live > Math.max(16, this.live)) this.compact(isLive);
  }

  private compact(isLive: (slot: number) => boolean): void {
    const kept: Array<[number, number]> = [];
    this.forEach((slot, packed) => {
      if (isLive(slot)) kept.push([slot, packed]);
    });
    this.bytes = new Uint8Array(Math.max(16, kept.length * 3));
    this.end = 0;
    this.lastSlot = -1;
    this.length = 0;
    for (const [slot, packed] of kept) this.append(slot, packed);
  }

  private append(slot: number, packed: number): void {
    // Two varints of at most 5 bytes each (slots and packed counts stay below 2^31).
    if (this.end + 10 > this.bytes.length) {
      const grown = new Uint8Array(Math.ceil(this.bytes.length * 1.5) + 10);
      grown.set(this.bytes.subarray(0, this.end));
      this.bytes = grown;
    }
    this.end = writeVarint(this.bytes, this.end, slot - this.lastSlot);
    this.end = writeVarint(this.bytes, this.end, packed);
    this.lastSlot = slot;
    this.length += 1;
  }
}

function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    bytes[at++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  bytes[at++] = rest;
  return at;
}
