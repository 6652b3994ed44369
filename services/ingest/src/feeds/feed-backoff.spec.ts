import { failureDelayMs, MAX_RETRY_AFTER_MS, nextPollDelayMs, withJitter } from './feed-backoff';

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

describe('withJitter', () => {
  it('moves a delay by up to 10 % either way', () => {
    expect(withJitter(100_000, () => 0)).toBe(90_000);
    expect(withJitter(100_000, () => 0.5)).toBe(100_000);
    expect(withJitter(100_000, () => 0.999_999)).toBe(110_000);
  });
});

describe('failureDelayMs', () => {
  const middle = () => 0.5;

  it('backs off as before without Retry-After', () => {
    expect(failureDelayMs(300, 1, undefined, middle)).toBe(600_000);
  });

  it('waits for Retry-After when it is longer than the backoff, never less, and at most a day', () => {
    expect(failureDelayMs(60, 1, 3_600_000, () => 0)).toBe(3_600_000);
    expect(failureDelayMs(60, 1, 3_600_000, middle)).toBe(3_600_000);
    expect(failureDelayMs(60, 1, 3_600_000, () => 0.75)).toBe(3_780_000);
    expect(failureDelayMs(300, 1, 10_000, middle)).toBe(600_000);
    expect(failureDelayMs(60, 1, 30 * 24 * 3_600_000, () => 0)).toBe(MAX_RETRY_AFTER_MS);
  });
});
