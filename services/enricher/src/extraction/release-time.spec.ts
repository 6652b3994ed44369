import { releasedAt } from './release-time';

describe('releasedAt', () => {
  it('is the end of an embargo later than the publication, else the publication', () => {
    expect(releasedAt({ publishedAt: '2026-12-07T20:00:00Z', embargoedUntil: '2026-12-10T01:00:00+13:00' })).toBe('2026-12-10T01:00:00+13:00');
    expect(releasedAt({ publishedAt: '2026-12-07T20:00:00Z', embargoedUntil: '2026-12-07T19:00:00Z' })).toBe('2026-12-07T20:00:00Z');
    expect(releasedAt({ publishedAt: '2026-12-07T20:00:00Z' })).toBe('2026-12-07T20:00:00Z');
  });
});
