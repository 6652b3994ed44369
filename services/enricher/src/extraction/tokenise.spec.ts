import fc from 'fast-check';
import { isAcronym, isCapitalised, tokenise } from './tokenise';

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
  it('marks sentence starts as the patterns for gaps and sentence ends would', () => {
    const startsSentence = (text: string, start: number) => {
      let i = start - 1;
      while (i >= 0 && /[\s"“‘'([«—–-]/.test(text[i])) {
        if (text[i] === '\n' || text[i] === '“') return true;
        i -= 1;
      }
      return i < 0 || /[.!?:;]/.test(text[i]);
    };
    const pieces = fc.constantFrom('Word', 'word', ' ', '\n', '\u00a0', '\u2003', '\t', '"', '“', '‘', "'", '(', '[', '«', '—', '–', '-', '.', '!', '?', ':', ';', ',', '”', '»', '…');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        for (const t of tokenise(text)) expect(t.sentenceStart).toBe(startsSentence(text, t.start));
      }),
      { numRuns: 3000 },
    );
  });
  it('recognises acronyms', () => {
    expect(isAcronym('INTERPOL')).toBe(true);
    expect(isAcronym('ICPO–INTERPOL')).toBe(true);
    expect(isAcronym('Paris')).toBe(false);
  });
  it('tells a capitalised word as the Unicode pattern does', () => {
    const first = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 2 }));
    fc.assert(fc.property(first, (w) => expect(isCapitalised(w)).toBe(/^\p{Lu}/u.test(w))), { numRuns: 5000 });
    expect(['Paris', 'Émile', 'Łódź', 'Σ'].every(isCapitalised)).toBe(true);
    expect(['paris', '', '9th', 'émile'].some(isCapitalised)).toBe(false);
  });
});
