/**
 * Index slots by the time their article stops being served, soonest first: a binary min-heap, so a
 * search checks what is due in O(1) and takes each expiry out in O(log n). Licensed copy can carry an
 * expiry on every article, so neither a scan per search nor a scan per expiry would stay cheap.
 * A slot whose article was replaced or removed meanwhile stays queued until its time; the caller
 * skips it then.
 */
export class ExpiryQueue {
  private readonly at: number[] = [];
  private readonly slots: number[] = [];

  get size(): number {
    return this.at.length;
  }

  add(at: number, slot: number): void {
    let i = this.at.length;
    this.at.push(at);
    this.slots.push(slot);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.at[parent] <= this.at[i]) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Takes out and returns the slots whose time is at or before `now`, soonest first. */
  due(now: number): number[] {
    const out: number[] = [];
    while (this.at.length && this.at[0] <= now) out.push(this.pop());
    return out;
  }

  private pop(): number {
    const slot = this.slots[0];
    const lastAt = this.at.pop() as number;
    const lastSlot = this.slots.pop() as number;
    if (this.at.length === 0) return slot;
    this.at[0] = lastAt;
    this.slots[0] = lastSlot;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < this.at.length && this.at[left] < this.at[least]) least = left;
      if (right < this.at.length && this.at[right] < this.at[least]) least = right;
      if (least === i) return slot;
      this.swap(i, least);
      i = least;
    }
  }

  private swap(a: number, b: number): void {
    [this.at[a], this.at[b]] = [this.at[b], this.at[a]];
    [this.slots[a], this.slots[b]] = [this.slots[b], this.slots[a]];
  }
}
