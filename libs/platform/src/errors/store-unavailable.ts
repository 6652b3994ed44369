/**
 * Failures that say the store is busy or away, not that the request was wrong: the MongoDB driver's
 * network and server-selection errors, writes the server labels retryable, and FerretDB's SQLite
 * backend answering `database is locked (SQLITE_BUSY)` while another writer holds the lock.
 * The caller should answer "try again shortly" rather than "internal error".
 */
const UNAVAILABLE_NAMES = new Set(['StoreUnavailableError', 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoServerSelectionError', 'MongoNotConnectedError', 'MongoPoolClearedError']);
const BUSY_MESSAGE = /database is locked|SQLITE_BUSY/i;

export function isStoreUnavailable(error: unknown): boolean {
  const candidate = error as { name?: unknown; message?: unknown; errorLabels?: unknown; errorLabelSet?: unknown; cause?: unknown } | undefined;
  if (!candidate || typeof candidate !== 'object') return false;
  if (typeof candidate.name === 'string' && UNAVAILABLE_NAMES.has(candidate.name)) return true;
  if (typeof candidate.message === 'string' && BUSY_MESSAGE.test(candidate.message)) return true;
  const labels = candidate.errorLabelSet instanceof Set ? [...candidate.errorLabelSet] : Array.isArray(candidate.errorLabels) ? candidate.errorLabels : [];
  if (labels.includes('RetryableWriteError') || labels.includes('TransientTransactionError')) return true;
  return candidate.cause !== undefined && candidate.cause !== error && isStoreUnavailable(candidate.cause);
}

/** A write the store did not confirm, for a reason not of the request's making (a lost connection). */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
