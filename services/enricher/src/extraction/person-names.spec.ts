import fc from 'fast-check';
import { looksLikeNameWord, NAME_PARTICLES, surnameKeys, titleLengthAt } from './person-names';

describe('person names', () => {
  it('finds the longest title', () => {
    expect(titleLengthAt(['Major', 'General', 'Ahmed'], 0)).toBe(2);
    expect(titleLengthAt(['King', 'Mohammed', 'VI'], 0)).toBe(1);
    expect(titleLengthAt(['Ahmed'], 0)).toBe(0);
  });
  it('accepts name words and Roman numerals', () => {
    expect(['Al-Raisi', 'VI', 'O’Brien', 'McDonald', 'Urquiza'].every(looksLikeNameWord)).toBe(true);
    expect(looksLikeNameWord('INTERPOL')).toBe(false);
    expect(['XIV', 'XXI', 'Jr.'].every(looksLikeNameWord)).toBe(true);
    expect(['LIV', 'CIA', 'XL'].some(looksLikeNameWord)).toBe(false);
  });
  it('keys later surname mentions', () => {
    expect(surnameKeys('Ahmed Naser Al-Raisi')).toEqual(['al-raisi', 'naser al-raisi']);
    expect(surnameKeys('Mohammed VI')).toEqual([]);
  });
  it('tells name words as the full set of patterns does, with the numeral pattern asked of every word', () => {
    const roman = /^(?:(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})|Jr\.?|Sr\.?)$/;
    const asPatterns = (word: string) =>
      roman.test(word) ||
      NAME_PARTICLES.has(word.toLowerCase()) ||
      /^\p{Lu}[\p{Ll}\p{M}'’]+(?:[-'’]\p{L}[\p{L}\p{M}]*)*$/u.test(word) ||
      /^(?:Mc|Mac|O['’]|De|Di|Da|Du|La|Le|Van|Von)\p{Lu}\p{Ll}+$/u.test(word) ||
      /^(?:al|el|bin|ibn|ben|abu)-\p{Lu}\p{Ll}+$/u.test(word);
    const word = fc.string({ unit: fc.constantFrom('I', 'V', 'X', 'J', 'S', 'r', '.', 'a', 'M', 'c', 'é', '-', "'", 'L', 'C'), maxLength: 5 });
    fc.assert(fc.property(word, (w) => expect(looksLikeNameWord(w)).toBe(asPatterns(w))), { numRuns: 5000 });
  });
});
