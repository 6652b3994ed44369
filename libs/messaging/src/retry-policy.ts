import { AppError, CommonConfig } from '@newsflow/platform';

export interface RetryPolicy {
  /** Deliveries of one event before it is dead-lettered (the first try included). */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 5000,
  ...overrides,
});

type RetryConfig = Pick<CommonConfig, 'MESSAGING_RETRY_MAX_ATTEMPTS' | 'MESSAGING_RETRY_INITIAL_DELAY_MS' | 'MESSAGING_RETRY_MAX_DELAY_MS'>;

/** The consumer retry policy from a service's validated `MESSAGING_RETRY_*` variables. */
export const retryPolicyFromConfig = (config: RetryConfig): RetryPolicy => ({
  maxAttempts: config.MESSAGING_RETRY_MAX_ATTEMPTS,
  initialDelayMs: config.MESSAGING_RETRY_INITIAL_DELAY_MS,
  maxDelayMs: config.MESSAGING_RETRY_MAX_DELAY_MS,
});

/**
 * A store or broker being away is not the message's fault: dead-lettering would drain the whole
 * stream into the dead-letter topic during an outage. Such failures are retried without a limit.
 */
const OUTAGE = /StoreUnavailableError|Mongo(Network|ServerSelection|NotConnected|NetworkTimeout)Error|KafkaJS(Connection|NumberOfRetriesExceeded|RequestTimeout|Broker[A-Za-z]*)Error|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed/;

export function isOutage(error: AppError): boolean {
  const cause = error.cause as { name?: string; code?: string; message?: string } | undefined;
  return [error.code, error.message, cause?.name, cause?.code, cause?.message].some((s) => typeof s === 'string' && OUTAGE.test(s));
}

export type RetryDecision = { action: 'retry'; delayMs: number } | { action: 'dead-letter'; code: string; message: string };

/**
 * What to do after a handler failed on its `attempt`-th delivery: permanent errors go to the
 * dead-letter topic at once, transient ones are retried with exponential backoff and full jitter
 * until the attempts run out. `random` is injectable so tests are exact.
 */
export function decideRetry(error: AppError, attempt: number, policy: RetryPolicy, random: () => number = Math.random): RetryDecision {
  if (!error.retriable) return { action: 'dead-letter', code: error.code, message: error.message };
  if (attempt >= policy.maxAttempts && !isOutage(error)) {
    return { action: 'dead-letter', code: 'RETRIES_EXHAUSTED', message: `${error.code}: ${error.message} (after ${attempt} attempts)` };
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
  return { action: 'retry', delayMs: Math.round(ceiling * random()) };
}
