const MAX_BACKOFF_MS = 6 * 3600 * 1000;

/** When to poll next: the source's interval, doubled per consecutive failure up to six hours. */
export function nextPollDelayMs(intervalSeconds: number, consecutiveFailures: number): number {
  const base = intervalSeconds * 1000;
  if (consecutiveFailures === 0) return base;
  return Math.min(base * 2 ** consecutiveFailures, Math.max(MAX_BACKOFF_MS, base));
}
