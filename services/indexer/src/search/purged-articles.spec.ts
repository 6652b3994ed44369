import { PurgedArticles } from './purged-articles';

const A = '0f8a1c2e-7a1b-5c3d-9e4f-aaaaaaaaaaaa';
const B = '0f8a1c2e-7a1b-5c3d-9e4f-bbbbbbbbbbbb';
const at = (iso: string) => Date.parse(iso);

describe('PurgedArticles', () => {
  it('names a version received before its article\'s purge, not one received after (a resubmission) nor another article', () => {
    const purged = new PurgedArticles();
    purged.record({ ids: [A], deletedFrom: new Date('2026-12-07T21:00:00Z') });
    expect(purged.purgedAfter(A, '2026-12-07T20:59:59.999Z')).toBe(at('2026-12-07T21:00:00Z'));
    expect(purged.purgedAfter(A, at('2026-12-01T08:00:00Z'))).toBe(at('2026-12-07T21:00:00Z'));
    expect(purged.purgedAfter(A, '2026-12-07T21:00:00Z')).toBeUndefined();
    expect(purged.purgedAfter(A, '2026-12-07T21:05:00+01:00')).toBe(at('2026-12-07T21:00:00Z'));
    expect(purged.purgedAfter(B, '2026-12-01T08:00:00Z')).toBeUndefined();
    // A receipt time that cannot be read is not known to postdate the purge.
    expect(purged.purgedAfter(A, 'not a time')).toBe(at('2026-12-07T21:00:00Z'));
  });

  it('keeps the latest purge of an article purged twice (its resubmission was purged too)', () => {
    const purged = new PurgedArticles();
    purged.record({ ids: [A, B], deletedFrom: new Date('2026-12-08T10:00:00Z') });
    purged.record({ ids: [A], deletedFrom: new Date('2026-12-07T10:00:00Z') });
    expect(purged.purgedAfter(A, '2026-12-07T12:00:00Z')).toBe(at('2026-12-08T10:00:00Z'));
    expect(purged.size).toBe(2);
  });

  it('forgets purges older than the log keeps', () => {
    const purged = new PurgedArticles();
    purged.record({ ids: [A], deletedFrom: new Date('2026-11-01T00:00:00Z') });
    purged.record({ ids: [B], deletedFrom: new Date('2026-12-07T00:00:00Z') });
    purged.forgetBefore(at('2026-12-01T00:00:00Z'));
    expect(purged.purgedAfter(A, '2026-10-01T00:00:00Z')).toBeUndefined();
    expect(purged.purgedAfter(B, '2026-10-01T00:00:00Z')).toBe(at('2026-12-07T00:00:00Z'));
    expect(purged.size).toBe(1);
  });
});
