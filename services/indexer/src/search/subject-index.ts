import { GrowableInt32 } from './growable';

const NONE = -1;

/**
 * Entity and place keys (ids, folded names) as small integers, and for each key the slots of the
 * articles holding it, in slot order. An article names ~37 keys on the bench corpus and most keys
 * are held by a few articles, so a JS array per key (8 bytes an entry, grown 1.5× + 16 at a time)
 * and four string pointers per key per article were ~1.2 KB of heap an article, close to half the
 * index (bench/README.md, "Indexer memory"). Here every (key, slot) entry is one node of a linked
 * list in two shared Int32 columns: 8 bytes, no object per key, nodes reused once an article goes.
 *
 * Key ids are never released: like the facet dictionary, they are bounded by the distinct keys ever
 * indexed, not by the number of articles.
 */
export class SubjectIndex {
  private readonly ids = new Map<string, number>();
  /** Per key id: its first and last node, or NONE. */
  private readonly head = new GrowableInt32();
  private readonly tail = new GrowableInt32();
  /** Per node: the slot it lists and the key's next node. */
  private readonly slotOf = new GrowableInt32();
  private readonly next = new GrowableInt32();
  /** Nodes of removed entries, chained through `next`, taken before the columns grow. */
  private free = NONE;

  /** The key's id, registering it when new. */
  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.head.length;
      this.ids.set(key, id);
      this.head.push(NONE);
      this.tail.push(NONE);
    }
    return id;
  }

  /** The key's id if any article ever held it: a key never seen matches nothing. */
  find(key: string): number | undefined {
    return this.ids.get(key);
  }

  /** `slot` must be above every slot added before for this key (new versions always get new slots). */
  add(keyId: number, slot: number): void {
    const node = this.allocate(slot);
    const last = this.tail.values[keyId];
    if (last === NONE) this.head.values[keyId] = node;
    else this.next.values[last] = node;
    this.tail.values[keyId] = node;
  }

  /** Takes the slot out of the key's list; its node is reused by a later add. */
  remove(keyId: number, slot: number): void {
    const { values: next } = this.next;
    const { values: slots } = this.slotOf;
    let previous = NONE;
    for (let node = this.head.values[keyId]; node !== NONE; previous = node, node = next[node]) {
      if (slots[node] !== slot) continue;
      if (previous === NONE) this.head.values[keyId] = next[node];
      else next[previous] = next[node];
      if (this.tail.values[keyId] === node) this.tail.values[keyId] = previous;
      next[node] = this.free;
      this.free = node;
      return;
    }
  }

  /** The slots listing the key, in slot order. */
  slots(keyId: number): number[] {
    const out: number[] = [];
    const { values: next } = this.next;
    const { values: slots } = this.slotOf;
    for (let node = this.head.values[keyId]; node !== NONE; node = next[node]) out.push(slots[node]);
    return out;
  }

  private allocate(slot: number): number {
    if (this.free === NONE) {
      this.slotOf.push(slot);
      this.next.push(NONE);
      return this.slotOf.length - 1;
    }
    const node = this.free;
    this.free = this.next.values[node];
    this.slotOf.values[node] = slot;
    this.next.values[node] = NONE;
    return node;
  }
}
