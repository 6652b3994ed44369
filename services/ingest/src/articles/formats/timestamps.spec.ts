import { ruleOf, problemOf } from './input-problem';
import { embargoOf, timestamp } from './timestamps';
import { isTimeZone } from '@newsflow/platform';

const now = new Date('2026-12-07T21:20:00Z');
const at = (value: string, timeZone?: string) => timestamp(value, 'publishedAt', { now, timeZone });

describe('document times', () => {
  it.each([
    ['2026-02-30T10:00:00Z', 'February 2026 has 28 days'],
    ['2026-02-31', 'February 2026 has 28 days'],
    ['2025-11-31T00:00:00Z', 'November 2025 has 30 days'],
    ['2024-02-30T00:00:00+01:00', 'February 2024 has 29 days'],
    ['2026-13-01T00:00:00Z', 'there is no month 13'],
    ['2026-12-00T00:00:00Z', 'December 2026 has 31 days'],
    ['2026-12-07T24:30:00Z', 'there is no time of day 24:30:00'],
    ['2026-12-07T25:00:00Z', 'there is no time of day 25:00:00'],
    ['2026-12-07T10:60:00Z', 'there is no time of day 10:60:00'],
    ['2026-12-07T10:00:61Z', 'there is no time of day 10:00:61'],
    ['2026-12-07T10:00:00+25:00', 'there is no offset +25:00'],
  ])('refuses %s, no real date or time (it was rolled over into a real one), as invalid-date naming field and value', (value, reason) => {
    const problem = problemOf(() => at(value));
    expect(problem).toMatchObject({ status: 422, rule: 'invalid-date', field: 'publishedAt' });
    expect(problem.message).toBe(`publishedAt ${value} is no real date and time: ${reason}`);
  });

  it('reads a leap second as :59 and 24:00 as the next midnight, as ISO 8601 and the feeds do', () => {
    expect(at('2016-12-31T23:59:60Z')).toBe('2016-12-31T23:59:59.000Z');
    expect(at('2016-12-31T23:59:60.5+00:00')).toBe('2016-12-31T23:59:59.500Z');
    expect(at('2026-12-06T24:00:00Z')).toBe('2026-12-07T00:00:00.000Z');
    expect(at('2024-02-29T12:00:00Z')).toBe('2024-02-29T12:00:00.000Z');
  });

  it('still reads the ISO 8601 forms wire systems write', () => {
    expect(at('2025-11-24T10:30:00+0530')).toBe('2025-11-24T05:00:00.000Z');
    expect(at('2025-11-24T10:30:00+05')).toBe('2025-11-24T05:30:00.000Z');
    expect(at('2025-11-24t10:30:00,123456789z')).toBe('2025-11-24T10:30:00.123Z');
    expect(at('2025-11-24 10:30')).toBe('2025-11-24T10:30:00.000Z');
    expect(at('2025-11-24')).toBe('2025-11-24T00:00:00.000Z');
    expect(ruleOf(() => at('07/12/2026'))).toBe('invalid-timestamp');
    expect(ruleOf(() => at('20251124T103000+0100'))).toBe('invalid-timestamp');
  });

  it('reads a time without an offset in the source\'s zone, by the zone\'s own rules (DST), else as UTC', () => {
    expect(at('2026-12-07T16:00:00', 'America/New_York')).toBe('2026-12-07T21:00:00.000Z');
    expect(at('2026-07-07T16:00:00', 'America/New_York')).toBe('2026-07-07T20:00:00.000Z');
    expect(at('2026-12-07T10:00:00', 'Asia/Kolkata')).toBe('2026-12-07T04:30:00.000Z');
    expect(at('2026-12-07', 'Europe/Paris')).toBe('2026-12-06T23:00:00.000Z');
    expect(at('2026-12-07T16:00:00')).toBe('2026-12-07T16:00:00.000Z');
    // An offset the document gives wins over the source's zone.
    expect(at('2026-12-07T16:00:00Z', 'America/New_York')).toBe('2026-12-07T16:00:00.000Z');
    // Skipped when the clocks went forward: read with the offset before (02:30 EST is 03:30 EDT); twice when they went back: the first.
    expect(at('2026-03-08T02:30:00', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(at('2026-11-01T01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(at('2026-10-25T02:30:00', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('tolerates 15 minutes of clock skew, and refuses a time further ahead naming the field, the value read and the server\'s time', () => {
    expect(at('2026-12-07T21:35:00Z')).toBe('2026-12-07T21:35:00.000Z');
    const problem = problemOf(() => at('2026-12-08T06:26:48'));
    expect(problem).toMatchObject({ status: 422, rule: 'timestamp-in-future', field: 'publishedAt' });
    expect(problem.message).toBe('publishedAt 2026-12-08T06:26:48 (read as 2026-12-08T06:26:48.000Z) lies more than 15 minutes after the server\'s time '
      + '2026-12-07T21:20:00.000Z: send the time the story was written, with its UTC offset');
    // The same wall clock with the Tokyo desk's zone is the past.
    expect(at('2026-12-08T06:26:48', 'Asia/Tokyo')).toBe('2026-12-07T21:26:48.000Z');
    expect(ruleOf(() => at('2026-12-07T21:36:00Z'))).toBe('timestamp-in-future');
    expect(ruleOf(() => at('1850-01-01T00:00:00Z'))).toBe('timestamp-out-of-range');
  });
});

describe('embargo times', () => {
  it('refuses an embargo without an offset when the source has no zone, naming the field and both fixes', () => {
    const problem = problemOf(() => embargoOf('2026-12-07T18:00:00'));
    expect(problem).toMatchObject({ status: 422, rule: 'embargo-needs-offset', field: 'embargoedUntil' });
    expect(problem.message).toMatch(/^embargoedUntil 2026-12-07T18:00:00 has no UTC offset/);
    expect(problem.message).toMatch(/send it with its offset/);
    expect(problem.message).toMatch(/source's timeZone/);
    expect(ruleOf(() => embargoOf('2026-12-08'))).toBe('embargo-needs-offset');
  });

  it('reads an embargo without an offset in the source\'s zone, and one with an offset as given', () => {
    expect(embargoOf('2026-12-07T18:00:00', 'America/New_York')).toBe('2026-12-07T23:00:00.000Z');
    expect(embargoOf('2026-12-07T18:00:00-05:00')).toBe('2026-12-07T23:00:00.000Z');
    expect(embargoOf('2125-01-01T00:00:00Z')).toBe('2125-01-01T00:00:00.000Z');
    expect(ruleOf(() => embargoOf('2027-02-30T09:00:00Z'))).toBe('invalid-date');
  });

  it('knows IANA zone names and nothing else', () => {
    expect(['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Etc/GMT+5'].map(isTimeZone)).toEqual([true, true, true, true, true]);
    expect(['Europe/Pariss', 'IST', 'PST', '+05:30', 'Mars/Olympus', ''].map(isTimeZone)).toEqual([false, false, false, false, false, false]);
  });
});
