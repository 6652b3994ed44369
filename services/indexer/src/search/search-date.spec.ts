import { parseSearchInstant } from './search-date';

const ms = (value: string) => parseSearchInstant(value)?.ms;

describe('parseSearchInstant', () => {
  it('reads every offset form ingest accepts: with or without a colon, hours only, Z, none', () => {
    const instant = Date.parse('2025-11-24T05:00:00Z');
    for (const value of ['2025-11-24T10:30:00+05:30', '2025-11-24T10:30:00+0530', '2025-11-24T10:00:00+05', '2025-11-24T05:00:00Z', '2025-11-24T05:00:00', '2025-11-24t05:00:00z', '2025-11-24 05:00', '2025-11-24T00:00:00-05']) {
      expect([value, ms(value)]).toEqual([value, instant]);
    }
    expect(ms('2025-11-24T04:15:00-00:45')).toBe(instant);
  });

  it('reads fractions with a point or a comma, to the millisecond', () => {
    expect(ms('2025-11-24T05:00:00.123456789Z')).toBe(Date.parse('2025-11-24T05:00:00.123Z'));
    expect(ms('2025-11-24T05:00:00,5Z')).toBe(Date.parse('2025-11-24T05:00:00.500Z'));
  });

  it('gives a date as its UTC day, marked as a date', () => {
    expect(parseSearchInstant('2024-02-29')).toEqual({ ms: Date.parse('2024-02-29T00:00:00Z'), dateOnly: true });
    expect(parseSearchInstant('2024-02-29T00:00Z')).toEqual({ ms: Date.parse('2024-02-29T00:00:00Z'), dateOnly: false });
    expect(ms('0099-01-01')).toBe(Date.parse('0099-01-01T00:00:00Z'));
  });

  it('reads a leap second as :59 and 24:00 as the next midnight, as ingest does', () => {
    expect(ms('2026-12-06T23:59:60Z')).toBe(Date.parse('2026-12-06T23:59:59Z'));
    expect(ms('2026-12-06T24:00:00Z')).toBe(Date.parse('2026-12-07T00:00:00Z'));
    expect(ms('2026-12-31T24:00+01:00')).toBe(Date.parse('2026-12-31T23:00:00Z'));
  });

  it('refuses impossible dates and times instead of rolling them over', () => {
    for (const value of ['2026-02-29', '2026-02-30T10:00:00Z', '2025-11-31', '2025-13-01', '2025-00-10', '2025-11-00', '2025-11-24T24:00:01Z', '2025-11-24T25:00Z',
      '2025-11-24T10:60Z', '2025-11-24T10:00:61Z', '2025-11-24T10:00+24:00', '2025-11-24T10:00+05:60']) {
      expect([value, parseSearchInstant(value)]).toEqual([value, undefined]);
    }
  });

  it('refuses what is not ISO 8601', () => {
    for (const value of ['yesterday', '07/12/2026', '1', '2026-12-03T00:00:00 05:30', '2025-11-24T10:30:00 +01:00', '20251124T103000+0100', '2025-W48-1', '2025-328', '']) {
      expect([value, parseSearchInstant(value)]).toEqual([value, undefined]);
    }
  });
});
