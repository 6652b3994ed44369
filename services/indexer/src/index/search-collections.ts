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

const PURGES_ID = 'purges';
/** At most this many ids per purge record (~400 KB), far below a document's 16 MB. */
export const PURGE_RECORD_IDS = 10_000;
/**
 * Purge records older than this are pruned by the next purge; an indexer further behind reloads its
 * index. As long as an old version of a purged article can still come back for indexers to refuse
 * (see PurgedArticles): a dead-letter replay, from topics kept 30 days by default
 * (`KAFKA_DEADLETTER_RETENTION_HOURS`), plus a day for the segment that outlives it.
 */
export const PURGE_RECORD_RETENTION_MS = 31 * 24 * 3600_000;

/** Where the purge log stands: records `oldest`..`generation` exist (none while `generation` < `oldest`). */
export interface PurgeLogHead {
  generation: number;
  oldest: number;
  changedAt?: Date;
}

interface PurgeHeadDocument extends PurgeLogHead {
  _id: string;
}

interface PurgeRecordDocument extends PurgeBatch {
  _id: string;
  generation: number;
  at: Date;
}

/**
 * Articles removed from the stores. `deletedFrom`: when the purge began deleting search documents;
 * a version indexed later than that was written after the delete, so it is a resubmission, and stays.
 */
export interface PurgeBatch {
  ids: string[];
  deletedFrom: Date;
}

/** What an indexer at generation `seen` has to apply: the batches purged since, or `complete: false` when records it needs were pruned. */
export interface PurgesSince {
  generation: number;
  batches: PurgeBatch[];
  complete: boolean;
}

const recordId = (generation: number) => `purge:${generation}`;

/**
 * The articles `npm run purge` removed, for running indexers to drop from their in-memory index
 * (by-id reads come from MongoDB, where the documents are already gone). Beside the collections
 * state in `search_meta`: a head `{_id: 'purges', generation, oldest}` and one record per batch,
 * `{_id: 'purge:<generation>', ids}`, so an indexer's poll is one `_id` read of the head, plus one per
 * record it has not applied yet. Records are kept for PURGE_RECORD_RETENTION_MS; an indexer that fell
 * further behind than that (it could not reach MongoDB) reloads its index from the active collection instead.
 */
export class SearchPurgeLog {
  private readonly heads: Collection<PurgeHeadDocument>;
  private readonly records: Collection<PurgeRecordDocument>;

  constructor(connection: Connection) {
    this.heads = connection.collection<PurgeHeadDocument>(META_COLLECTION);
    this.records = connection.collection<PurgeRecordDocument>(META_COLLECTION);
  }

  async head(): Promise<PurgeLogHead> {
    const found = await this.heads.findOne({ _id: PURGES_ID }, { projection: { _id: 0 } });
    return found ?? { generation: 0, oldest: 1 };
  }

  /** The ids purged after generation `seen`, read by `_id` record by record. */
  async since(seen: number, head?: PurgeLogHead): Promise<PurgesSince> {
    const current = head ?? (await this.head());
    if (current.generation <= seen) return { generation: current.generation, batches: [], complete: true };
    if (seen + 1 < current.oldest) return { generation: current.generation, batches: [], complete: false };
    const batches: PurgeBatch[] = [];
    for (let generation = seen + 1; generation <= current.generation; generation += 1) {
      const record = await this.records.findOne({ _id: recordId(generation) }, { projection: { ids: 1, deletedFrom: 1 } });
      // Pruned meanwhile: the caller reloads.
      if (!record) return { generation: current.generation, batches: [], complete: false };
      batches.push({ ids: record.ids, deletedFrom: record.deletedFrom });
    }
    return { generation: current.generation, batches, complete: true };
  }

  /**
   * Every record the log still keeps, oldest first: what an indexer starting up must know of past
   * purges, since old versions of those articles can still come back (see PurgedArticles).
   */
  async retained(): Promise<PurgesSince> {
    for (;;) {
      const head = await this.head();
      const all = await this.since(Math.max(0, head.oldest - 1), head);
      // Incomplete only when a concurrent purge pruned records between the two reads: read again.
      if (all.complete) return all;
    }
  }

  /**
   * Records the ids (in records of at most PURGE_RECORD_IDS) and returns the generation reached. Each
   * record claims its generation by insert, so concurrent purges never share one; the head then moves
   * forward only.
   */
  async append(ids: readonly string[], deletedFrom: Date, now = new Date()): Promise<number> {
    let generation = (await this.head()).generation;
    for (let start = 0; start < ids.length; start += PURGE_RECORD_IDS) {
      const chunk = ids.slice(start, start + PURGE_RECORD_IDS);
      for (;;) {
        generation += 1;
        try {
          await this.records.insertOne({ _id: recordId(generation), generation, ids: chunk, deletedFrom, at: now });
          break;
        } catch (error) {
          if ((error as { code?: number }).code !== 11000) throw error;
        }
      }
      await this.advance(generation, now);
    }
    return generation;
  }

  private async advance(generation: number, now: Date): Promise<void> {
    try {
      await this.heads.insertOne({ _id: PURGES_ID, generation, oldest: 1, changedAt: now });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      // search_meta holds a handful of documents, so this update's scan on FerretDB costs nothing.
      await this.heads.updateOne({ _id: PURGES_ID, generation: { $lt: generation } }, { $set: { generation, changedAt: now } });
    }
  }

  /** Deletes the records older than `retentionMs` (oldest first, by `_id`); returns how many. */
  async prune(now = new Date(), retentionMs = PURGE_RECORD_RETENTION_MS): Promise<number> {
    const head = await this.head();
    const expired: string[] = [];
    let oldest = head.oldest;
    // The newest record always stays, so the head keeps naming one that exists.
    for (; oldest < head.generation; oldest += 1) {
      const record = await this.records.findOne({ _id: recordId(oldest) }, { projection: { at: 1 } });
      if (record && record.at.getTime() > now.getTime() - retentionMs) break;
      if (record) expired.push(record._id);
    }
    if (oldest === head.oldest) return 0;
    await this.heads.updateOne({ _id: PURGES_ID, oldest: { $lt: oldest } }, { $set: { oldest } });
    if (expired.length) await this.records.deleteMany({ _id: { $in: expired } });
    return expired.length;
  }
}
