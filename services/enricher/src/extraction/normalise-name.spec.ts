import { normaliseName, slugify, stripPossessive, titleCaseIfShouting } from './normalise-name';

describe('normaliseName', () => {
  it('folds diacritics, case and dashes', () => {
    expect(normaliseName('Bogotá')).toBe('bogota');
    expect(normaliseName('ICPO–INTERPOL')).toBe('icpo-interpol');
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
