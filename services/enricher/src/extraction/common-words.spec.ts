import fc from 'fast-check';
import { isCalendarWord, MONTHS, MONTH_ABBR, WEEKDAYS } from './common-words';

describe('isCalendarWord', () => {
  it('tells months, weekdays and capitalised abbreviated months', () => {
    expect(['May', 'monday', 'Sep.', 'Jan', 'Jan.', 'WEDNESDAY', 'December.'].every(isCalendarWord)).toBe(true);
    expect(['jan', 'Mayor', 'Sun', 'Decembers', 'Ma.', ''].some(isCalendarWord)).toBe(false);
  });

  it('answers as the lists and the pattern did', () => {
    const before = (word: string) => {
      const w = word.toLowerCase().replace(/\.$/, '');
      return MONTHS.includes(w) || WEEKDAYS.includes(w) || (w.length === 3 && MONTH_ABBR.includes(w) && w !== 'may' && /^\p{Lu}/u.test(word));
    };
    const word = fc.oneof(
      fc.constantFrom(...MONTHS, ...MONTH_ABBR, ...WEEKDAYS).chain((w) => fc.tuple(fc.constantFrom('', '.', '..', 's', '\n'), fc.constantFrom('lower', 'upper', 'title')).map(([end, c]) => {
        const cased = c === 'lower' ? w : c === 'upper' ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1);
        return cased + end;
      })),
      fc.string({ unit: fc.constantFrom('J', 'a', 'n', '.', 'İ', 'ß', 'M', 'y'), maxLength: 5 }),
    );
    fc.assert(fc.property(word, (w) => expect(isCalendarWord(w)).toBe(before(w))), { numRuns: 5000 });
  });
});
