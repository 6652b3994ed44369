import { StoreUnavailableError } from '../errors/store-unavailable';
import { Coalescer, Settled } from './coalescer';

const DUPLICATE_KEY = 11000;

/** What is needed of a (mongoose or driver) collection. */
export interface InsertManyTarget<T> {
  insertMany(documents: T[], options: { ordered: false }): Promise<unknown>;
  /** Labels the batch-size metric (`mongo:<name>`). */
  collectionName?: string;
}

export interface InsertBatching {
  /** Documents in one insertMany at most. */
  maxDocuments?: number;
  /** How long an idle collection's first insert waits for others (MONGO_INSERT_LINGER_MS); 0 = only concurrent ones. */
  lingerMs?: number;
}

/**
 * Concurrent single-document inserts into one collection, written as one unordered `insertMany`:
 * on FerretDB (one SQLite transaction per write) and on MongoDB alike a batch costs far less than its
 * documents inserted one by one. Each caller learns its own document's fate: `true` inserted, `false`
 * already there (duplicate `_id`, which callers of idempotent writes treat as done), or its own error.
 */
export class InsertCoalescer<T> {
  private readonly coalescer: Coalescer<T, boolean>;

  constructor(collection: InsertManyTarget<T>, { maxDocuments = 256, lingerMs = 0 }: InsertBatching = {}) {
    this.coalescer = new Coalescer((documents) => insertEach(collection, documents), {
      fits: (batch) => batch.length < maxDocuments,
      target: `mongo:${collection.collectionName ?? 'unnamed'}`,
      lingerMs,
    });
  }

  insert(document: T): Promise<boolean> {
    return this.coalescer.submit(document);
  }
}

/**
 * One unordered `insertMany`, with each document's outcome: `true` inserted, `false` its `_id` was
 * taken, or its own error. Throws when the command as a whole failed.
 */
export async function insertEach<T>(collection: InsertManyTarget<T>, documents: T[]): Promise<Array<Settled<boolean>>> {
  try {
    await collection.insertMany(documents, { ordered: false });
    return documents.map(() => ({ ok: true, value: true }));
  } catch (error) {
    // Anything but per-document write errors (a lost connection, a write concern error) fails them all.
    // mongoose is loaded only here, where a collection of its has already loaded it (see MongoModule).
    const { mongo } = await import('mongoose');
    if (!(error instanceof mongo.MongoBulkWriteError) || error.writeConcernError || !error.writeErrors) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    // A connection lost mid-command is a MongoBulkWriteError too, with no write errors and nothing
    // inserted: a document is known written only if the inserted count accounts for it, else all fail.
    // (Read as "no document failed", it once answered 202 for stories that were never stored.)
    if (writeErrors.length === 0 || error.insertedCount !== documents.length - writeErrors.length) {
      throw new StoreUnavailableError(`the store did not confirm the insert: ${error.message}`, { cause: error });
    }
    const failures = new Map<number, { code?: number; errmsg?: string }>();
    for (const writeError of writeErrors) failures.set(writeError.index, writeError);
    return documents.map((_, i): Settled<boolean> => {
      const failure = failures.get(i);
      if (!failure) return { ok: true, value: true };
      if (failure.code === DUPLICATE_KEY) return { ok: true, value: false };
      return { ok: false, error: Object.assign(new Error(failure.errmsg ?? 'insert failed'), { code: failure.code }) };
    });
  }
}
