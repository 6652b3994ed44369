import { nextPollDelayMs } from './feed-backoff';

describe('nextPollDelayMs', () => {
  it('polls at the interval while the feed works and backs off exponentially when it fails', () => {
    expect(nextPollDelayMs(300, 0)).toBe(300_000);
    expect(nextPollDelayMs(300, 1)).toBe(600_000);
    expect(nextPollDelayMs(300, 3)).toBe(2_400_000);
  });

  it('never waits longer than six hours (or the interval, when that is longer)', () => {
    expect(nextPollDelayMs(300, 30)).toBe(6 * 3600 * 1000);
    expect(nextPollDelayMs(86_400, 2)).toBe(86_400_000);
  });
});
