import { KeyedSerialQueue } from '@newsflow/platform';

const queue = new KeyedSerialQueue();

/**
 * Work under one key (a collection's writes; the highlighted search pages) runs one after another,
 * each once the one before has settled.
 * The indexer replaces a search document this way: FerretDB 1.24 on SQLite scans the whole
 * collection for each replace under its write lock (~65 µs a stored document), and a batch of
 * corrections run at once fought for the lock (SQLITE_BUSY) until none finished and the consumer was
 * expelled from its group (operators' audit, 2026-12-07). On MongoDB a replace by `_id` takes a
 * millisecond, and corrections are a small share of what is indexed.
 */
export function oneAtATime<T>(key: string, write: () => Promise<T>): Promise<T> {
  return queue.run(key, write);
}
