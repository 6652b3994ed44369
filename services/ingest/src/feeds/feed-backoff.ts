const MAX_BACKOFF_MS = 6 * 3600 * 1000;
/** The longest a server's Retry-After may park a feed: a bogus header cannot stop polling for good. */
export const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

/** When to poll next: the source's interval, doubled per consecutive failure up to six hours. */
export function nextPollDelayMs(intervalSeconds: number, consecutiveFailures: number): number {
  const base = intervalSeconds * 1000;
  if (consecutiveFailures === 0) return base;
  return Math.min(base * 2 ** consecutiveFailures, Math.max(MAX_BACKOFF_MS, base));
}

/** ±10 %: feeds registered together, or failing together, spread out instead of polling in step. */
export function withJitter(delayMs: number, random: () => number = Math.random): number {
  return Math.round(delayMs * (0.9 + 0.2 * random()));
}

/** After a failed poll: the jittered backoff, but never sooner than the server's Retry-After (up to a day). */
export function failureDelayMs(intervalSeconds: number, consecutiveFailures: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const backoff = withJitter(nextPollDelayMs(intervalSeconds, consecutiveFailures), random);
  if (retryAfterMs === undefined) return backoff;
  const asked = Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  return Math.max(backoff, withJitter(asked, random), asked);
}
