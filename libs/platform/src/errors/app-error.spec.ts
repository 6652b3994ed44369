import { AppError, normalizeError } from './app-error';

describe('normalizeError', () => {
  it('keeps an AppError as it is', () => {
    const error = new AppError('X.Y', 'boom', { retriable: false });
    expect(normalizeError(error)).toBe(error);
  });

  it('keeps code and retriable flag from foreign errors', () => {
    const foreign = Object.assign(new Error('schema'), { code: 'CONTRACT.VIOLATION', retriable: false });
    const normalized = normalizeError(foreign);
    expect(normalized.code).toBe('CONTRACT.VIOLATION');
    expect(normalized.retriable).toBe(false);
    expect(normalized.cause).toBe(foreign);
  });

  it('treats unknown throwables as transient', () => {
    const normalized = normalizeError('socket hang up');
    expect(normalized.code).toBe('UNEXPECTED');
    expect(normalized.retriable).toBe(true);
  });
});
