import { EntityRef } from './indexed-article';

export type FacetKind = 'source' | 'place' | 'entity';

interface FacetEntry {
  kind: FacetKind;
  id: string;
  name?: string;
  type?: string;
}

/**
 * Sources and entities as small integers, so counting facets over tens of thousands of matches
 * increments an array instead of hashing strings. Entries are never removed: their number is bounded
 * by the distinct sources and entities ever indexed, and the first name seen for an id is kept.
 */
export class FacetDictionary {
  private readonly ids = new Map<string, number>();
  private readonly entries: FacetEntry[] = [];

  get size(): number {
    return this.entries.length;
  }

  idOf(kind: FacetKind, id: string, entity?: EntityRef): number {
    const key = `${kind}\u0000${id}`;
    let number = this.ids.get(key);
    if (number === undefined) {
      number = this.entries.length;
      this.ids.set(key, number);
      this.entries.push(kind === 'source' ? { kind, id } : kind === 'place' ? { kind, id, name: entity?.name } : { kind, id, name: entity?.name, type: entity?.type });
    }
    return number;
  }

  kindOf(number: number): FacetKind {
    return this.entries[number].kind;
  }

  describe(number: number): { id: string; name?: string; type?: string } {
    const { kind, id, name, type } = this.entries[number];
    if (kind === 'source') return { id };
    return kind === 'place' ? { id, name } : { id, name, type };
  }
}
