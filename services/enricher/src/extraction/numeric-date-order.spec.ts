import { dateOrderOf, numericMonthDay } from './numeric-date-order';

describe('dateOrderOf', () => {
  it('takes the language tag\'s region first, then the country the story was filed from', () => {
    expect(dateOrderOf('en-US', 'GB')).toBe('mdy');
    expect(dateOrderOf('en-GB', 'US')).toBe('dmy');
    expect(dateOrderOf('en', 'US')).toBe('mdy');
    expect(dateOrderOf('en', 'IT')).toBe('dmy');
    expect(dateOrderOf('fr')).toBe('dmy');
  });
  it('knows no order for English alone, nor where the country has no single convention', () => {
    expect(dateOrderOf('en')).toBeUndefined();
    expect(dateOrderOf(undefined, undefined)).toBeUndefined();
    expect(dateOrderOf('en-CA')).toBeUndefined();
    expect(dateOrderOf('en', 'JP')).toBeUndefined();
  });
});

describe('numericMonthDay', () => {
  it('lets a number above 12 say which is the day, and otherwise needs the convention', () => {
    expect(numericMonthDay(24, 11, undefined)).toEqual({ month: 10, day: 24 });
    expect(numericMonthDay(11, 24, undefined)).toEqual({ month: 10, day: 24 });
    expect(numericMonthDay(7, 7, undefined)).toEqual({ month: 6, day: 7 });
    expect(numericMonthDay(5, 11, undefined)).toBeUndefined();
    expect(numericMonthDay(5, 11, 'dmy')).toEqual({ month: 10, day: 5 });
    expect(numericMonthDay(5, 11, 'mdy')).toEqual({ month: 4, day: 11 });
    expect(numericMonthDay(13, 13, 'dmy')).toBeUndefined();
    expect(numericMonthDay(0, 14, 'mdy')).toBeUndefined();
  });
});
