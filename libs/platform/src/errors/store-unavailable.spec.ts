import { mongo } from 'mongoose';
import { isStoreUnavailable } from './store-unavailable';

const { MongoNetworkError, MongoServerError } = mongo;

describe('isStoreUnavailable', () => {
  it('recognises FerretDB answering SQLITE_BUSY', () => {
    const busy = new MongoServerError({ message: 'database is locked (5) (SQLITE_BUSY)', code: 1 });
    expect(isStoreUnavailable(busy)).toBe(true);
  });

  it('recognises driver network errors, also as a cause', () => {
    expect(isStoreUnavailable(new MongoNetworkError('connection reset'))).toBe(true);
    expect(isStoreUnavailable(new Error('wrapped', { cause: new MongoNetworkError('gone') }))).toBe(true);
  });

  it('recognises writes the server labels retryable', () => {
    const error = new MongoServerError({ message: 'not primary', code: 10107, errorLabels: ['RetryableWriteError'] });
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it('leaves real failures alone', () => {
    expect(isStoreUnavailable(new MongoServerError({ message: 'E11000 duplicate key error', code: 11000 }))).toBe(false);
    expect(isStoreUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isStoreUnavailable(undefined)).toBe(false);
  });
});
