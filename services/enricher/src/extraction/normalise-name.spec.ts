import fc from 'fast-check';
import { normaliseName, slugify, stripPossessive, titleCaseIfShouting } from './normalise-name';

describe('normaliseName', () => {
  it('folds diacritics, case and dashes', () => {
    expect(normaliseName('Bogotá')).toBe('bogota');
    expect(normaliseName('ICPO–INTERPOL')).toBe('icpo-interpol');
  });
  it('takes the plain-ASCII shortcut only where full folding gives the same', () => {
    // A trailing combining mark forces the full folding, which removes the mark again.
    const fullyFolded = (text: string) => normaliseName(`${text}\u0301`);
    const plain = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
    const chars = fc.constantFrom('a', 'Z', 'm', 'Q', ' ', ' ', '\t', '-', '’', 'é', 'ß', '0', '@', '`', '[', '{', '\u0000');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 12 }), (t) => expect(normaliseName(t)).toBe(plain.test(t) ? t.toLowerCase() : fullyFolded(t))),
      { numRuns: 3000 },
    );
  });
  it('slugs names into stable id parts', () => {
    expect(slugify('Mohammed VI')).toBe('mohammed-vi');
    expect(slugify('Ahmed Naser Al-Raisi')).toBe('ahmed-naser-al-raisi');
  });
  it('strips curly and straight possessives', () => {
    expect(stripPossessive('Morocco’s')).toEqual({ text: 'Morocco', removed: 2 });
    expect(stripPossessive("Morocco's")).toEqual({ text: 'Morocco', removed: 2 });
    expect(stripPossessive('Marrakech').removed).toBe(0);
  });
  it('title-cases shouted datelines only', () => {
    expect(titleCaseIfShouting('MARRAKECH')).toBe('Marrakech');
    expect(titleCaseIfShouting('NATO')).toBe('NATO');
  });
});
