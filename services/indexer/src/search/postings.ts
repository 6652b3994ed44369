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
 * One term's postings as two growable typed arrays (article slot, packed field counts): about
 * 8 bytes an entry, where a Map per article cost over 100. A replaced article's entries stay until
 * enough of the list is dead, then the list is compacted in place.
 */
export class PostingList {
  slots = new Int32Array(4);
  counts = new Int32Array(4);
  length = 0;
  /** Entries whose article is still current: the term's document frequency. */
  live = 0;

  add(slot: number, packed: number): void {
    if (this.length === this.slots.length) {
      const grow = (from: Int32Array) => { const to = new Int32Array(from.length * 2); to.set(from); return to; };
      this.slots = grow(this.slots);
      this.counts = grow(this.counts);
    }
    this.slots[this.length] = slot;
    this.counts[this.length] = packed;
    this.length += 1;
    this.live += 1;
  }

  /** Called when an article holding this term was replaced or removed. */
  release(isLive: (slot: number) => boolean): void {
    this.live -= 1;
    if (this.length - this.live > Math.max(16, this.live)) this.compact(isLive);
  }

  private compact(isLive: (slot: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.length; i += 1) {
      if (!isLive(this.slots[i])) continue;
      this.slots[kept] = this.slots[i];
      this.counts[kept] = this.counts[i];
      kept += 1;
    }
    this.length = kept;
  }
}
