import { problemOf } from '../formats/input-problem';
import { killReasonOf } from './kill-request';

describe('killReasonOf', () => {
  it('takes no body, an empty object or a reason', () => {
    expect(killReasonOf(undefined)).toBeUndefined();
    expect(killReasonOf({})).toBeUndefined();
    expect(killReasonOf({ reason: '  Court order 2026/123 ' })).toBe('Court order 2026/123');
  });

  it('refuses a reason over 500 characters, one that is not text, and any other field', () => {
    expect(killReasonOf({ reason: 'x'.repeat(500) })).toHaveLength(500);
    expect(problemOf(() => killReasonOf({ reason: 'x'.repeat(501) }))).toMatchObject({ status: 422, rule: 'invalid-kill-request', field: 'reason' });
    expect(problemOf(() => killReasonOf({ reason: 12 }))).toMatchObject({ status: 422, field: 'reason' });
    expect(problemOf(() => killReasonOf({ reasons: 'typo' }))).toMatchObject({ status: 422, field: 'reasons' });
    expect(problemOf(() => killReasonOf([]))).toMatchObject({ status: 422 });
  });
});
