import { AppError, CommonConfigSchema, normalizeError, StoreUnavailableError } from '@newsflow/platform';
import { decideRetry, defaultRetryPolicy, retryPolicyFromConfig } from './retry-policy';

const transient = new AppError('UPSTREAM.TIMEOUT', 'timed out', { retriable: true });
const permanent = new AppError('CONTRACT.VIOLATION', 'bad payload', { retriable: false });

describe('decideRetry', () => {
  const policy = defaultRetryPolicy({ maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 300 });

  it('dead-letters permanent errors on the first failure', () => {
    expect(decideRetry(permanent, 1, policy)).toEqual({ action: 'dead-letter', code: 'CONTRACT.VIOLATION', message: 'bad payload' });
  });

  it('retries transient errors with exponential backoff capped at the maximum', () => {
    const delays = [1, 2, 3].map((attempt) => decideRetry(transient, attempt, policy, () => 1));
    expect(delays).toEqual([
      { action: 'retry', delayMs: 100 },
      { action: 'retry', delayMs: 200 },
      { action: 'retry', delayMs: 300 },
    ]);
    expect(decideRetry(transient, 2, policy, () => 0.5)).toEqual({ action: 'retry', delayMs: 100 });
  });

  it('never dead-letters because a store or the broker is away', () => {
    const outage = new AppError('UNEXPECTED', 'connect ECONNREFUSED 127.0.0.1:27017', { retriable: true });
    const mongo = new AppError('UNEXPECTED', 'server selection timed out', { retriable: true, cause: Object.assign(new Error('x'), { name: 'MongoServerSelectionError' }) });
    expect(decideRetry(outage, 50, policy, () => 1)).toEqual({ action: 'retry', delayMs: 300 });
    // An insert cut off by a lost connection (insert-coalescer.ts) whatever the driver's message.
    const cut = normalizeError(new StoreUnavailableError('the store did not confirm the insert: connection 4 to 127.0.0.1:27017 closed'));
    expect(decideRetry(cut, 50, policy, () => 1)).toEqual({ action: 'retry', delayMs: 300 });
    expect(decideRetry(mongo, 50, policy, () => 1).action).toBe('retry');
  });

  it('dead-letters once the attempts are used up, keeping the original error', () => {
    expect(decideRetry(transient, 4, policy)).toEqual({
      action: 'dead-letter', code: 'RETRIES_EXHAUSTED', message: 'UPSTREAM.TIMEOUT: timed out (after 4 attempts)',
    });
  });
});

describe('retryPolicyFromConfig', () => {
  it('gives the default policy when no MESSAGING_RETRY_* variable is set', () => {
    expect(retryPolicyFromConfig(CommonConfigSchema.parse({}))).toEqual(defaultRetryPolicy());
  });

  it('takes each limit from its variable', () => {
    const config = CommonConfigSchema.parse({ MESSAGING_RETRY_MAX_ATTEMPTS: '2', MESSAGING_RETRY_INITIAL_DELAY_MS: '10', MESSAGING_RETRY_MAX_DELAY_MS: '40' });
    const policy = retryPolicyFromConfig(config);
    expect(policy).toEqual({ maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 40 });
    expect(decideRetry(transient, 1, policy, () => 1)).toEqual({ action: 'retry', delayMs: 10 });
    expect(decideRetry(transient, 2, policy).action).toBe('dead-letter');
  });
});
