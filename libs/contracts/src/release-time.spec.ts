import { releasedAt } from './release-time';

describe('releasedAt', () => {
  it('is the end of an embargo later than the publication, else the publication', () => {
    expect(releasedAt({ publishedAt: '2026-12-07T20:00:00Z', embargoedUntil: '2026-12-10T01:00:00+13:00' })).toBe('2026-12-10T01:00:00+13:00');
    expect(releasedAt({ publishedAt: '2026-12-07T20:00:00Z', embargoedUntil: '2026-12-07T19:00:00Z' })).toBe('2026-12-07T20:00:00Z');
    expect(releasedAt({ publishedAt: '2026-12-07T20:00:00Z' })).toBe('2026-12-07T20:00:00Z');
  });

  it('compares instants, not the text: an offset can put a later-looking time earlier', () => {
    expect(releasedAt({ publishedAt: '2026-12-07T20:00:00Z', embargoedUntil: '2026-12-08T05:00:00+10:00' })).toBe('2026-12-07T20:00:00Z');
  });

  it('is the embargo when no publication time is known', () => {
    expect(releasedAt({ embargoedUntil: '2026-12-10T01:00:00Z' })).toBe('2026-12-10T01:00:00Z');
    expect(releasedAt({})).toBeUndefined();
  });
});
