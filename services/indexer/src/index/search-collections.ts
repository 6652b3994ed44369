import { Collection, Connection } from 'mongoose';

export const SEARCH_COLLECTION = 'search_articles';
export const META_COLLECTION = 'search_meta';
const STATE_ID = 'collections';

/**
 * Which collection holds the searchable documents. A reindex builds a new collection beside the
 * active one (`building`: indexers write to both meanwhile), then makes it `active`; `previous` is
 * kept to compare against (it misses writes made after the switch). `generation` rises with every
 * change, so a writer can compare-and-set.
 */
export interface SearchCollectionsState {
  active: string;
  building?: string;
  buildingSince?: Date;
  previous?: string;
  generation: number;
  changedAt?: Date;
}

interface StateDocument extends SearchCollectionsState {
  _id: string;
}

export const INITIAL_STATE: SearchCollectionsState = { active: SEARCH_COLLECTION, generation: 0 };

/** Raised when someone else changed the state between our read and our write. */
export class SearchCollectionsConflict extends Error {}

/** The pointer lives in one small document read by `_id`, which MongoDB and FerretDB both serve from an index. */
export class SearchCollectionsStore {
  private readonly meta: Collection<StateDocument>;

  constructor(connection: Connection) {
    this.meta = connection.collection<StateDocument>(META_COLLECTION);
  }

  async read(): Promise<SearchCollectionsState> {
    const found = await this.meta.findOne({ _id: STATE_ID }, { projection: { _id: 0 } });
    return found ?? INITIAL_STATE;
  }

  /** Writes `next` only if the stored state is still `expected`; returns what was written. */
  async replace(expected: SearchCollectionsState, next: Omit<SearchCollectionsState, 'generation' | 'changedAt'>): Promise<SearchCollectionsState & { changedAt: Date }> {
    const written = { ...stripUndefined(next), generation: expected.generation + 1, changedAt: new Date() };
    if (expected.generation === 0) {
      try {
        await this.meta.insertOne({ _id: STATE_ID, ...written });
        return written;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) throw new SearchCollectionsConflict('the search collections changed meanwhile');
        throw error;
      }
    }
    const result = await this.meta.replaceOne({ _id: STATE_ID, generation: expected.generation }, written);
    if (result.matchedCount !== 1) throw new SearchCollectionsConflict('the search collections changed meanwhile');
    return written;
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
