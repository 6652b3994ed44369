import { isAcronym, tokenise } from './tokenise';

describe('tokenise', () => {
  it('keeps offsets exact and inner punctuation of names', () => {
    const text = 'The President of ICPO–INTERPOL, Al-Raisi, met U.S. officials in Morocco’s capital.';
    for (const t of tokenise(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenise(text).map((t) => t.text)).toEqual(expect.arrayContaining(['ICPO–INTERPOL', 'Al-Raisi', 'U.S.', 'Morocco’s']));
  });
  it('marks sentence starts', () => {
    const tokens = tokenise('He left. Speaking later, “Police said');
    expect(tokens.filter((t) => t.sentenceStart).map((t) => t.text)).toEqual(['He', 'Speaking', 'Police']);
  });
  it('recognises acronyms', () => {
    expect(isAcronym('INTERPOL')).toBe(true);
    expect(isAcronym('ICPO–INTERPOL')).toBe(true);
    expect(isAcronym('Paris')).toBe(false);
  });
});
