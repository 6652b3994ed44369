import { looksLikeNameWord, surnameKeys, titleLengthAt } from './person-names';

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
});
