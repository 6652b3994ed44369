import { compareSortKeys, decodeCursor, encodeCursor, queryFingerprint } from './search-cursor';

describe('search cursor', () => {
  const fingerprint = queryFingerprint({ q: 'interpol', sort: 'relevance' });

  it('round-trips the sort key as base64url', () => {
    const cursor = encodeCursor(fingerprint, { score: 1.5, releasedAt: 1000, id: 'abc' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, fingerprint)).toEqual({ key: { score: 1.5, releasedAt: 1000, id: 'abc' } });
  });

  it('carries the statistics the first page was scored with', () => {
    const basis = { documentCount: 120, averageLength: [9.5, 0, 310.25] as [number, number, number], documentFrequencies: [14, 0, 3] };
    const cursor = encodeCursor(fingerprint, { score: 2.25, releasedAt: 1000, id: 'abc' }, basis);
    expect(decodeCursor(cursor, fingerprint)).toEqual({ key: { score: 2.25, releasedAt: 1000, id: 'abc' }, basis });
  });

  it('is independent of parameter order but refuses other parameters', () => {
    expect(queryFingerprint({ sort: 'relevance', q: 'interpol' })).toBe(fingerprint);
    const cursor = encodeCursor(fingerprint, { score: null, releasedAt: 1, id: 'a' });
    expect(() => decodeCursor(cursor, queryFingerprint({ q: 'other' }))).toThrow(expect.objectContaining({ parameter: 'cursor' }));
  });

  it('refuses garbage', () => {
    for (const bad of ['xyz', Buffer.from('{"f":1}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      expect(() => decodeCursor(bad, fingerprint)).toThrow(expect.objectContaining({ parameter: 'cursor' }));
    }
  });

  it('orders by score, then newest, then id', () => {
    const keys = [
      { score: 1, releasedAt: 5, id: 'b' },
      { score: 2, releasedAt: 1, id: 'a' },
      { score: 1, releasedAt: 5, id: 'a' },
      { score: 1, releasedAt: 9, id: 'z' },
    ];
    expect(keys.sort(compareSortKeys).map((k) => `${k.score}${k.releasedAt}${k.id}`)).toEqual(['21a', '19z', '15a', '15b']);
  });
});
