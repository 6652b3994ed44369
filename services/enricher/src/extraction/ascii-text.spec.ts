import fc from 'fast-check';
import { hasOnlyAsciiWords } from './ascii-text';
import { findEvents } from './event-patterns';
import { tokenise } from './tokenise';

// Words and punctuation wire copy is made of, events and storms among them; typographic punctuation
// keeps a text on the ASCII path, an accented letter sends it down the Unicode one.
const WORDS = ['The', 'the', '93rd', '2025', 'session', 'of', 'de', 'INTERPOL', 'General Assembly', 'World Cup', 'COP29', 'Tour de France',
  'Hurricane', 'Milton', 'U.S.', 'Al-Nasr', "O'Brien", 'O’Brien', 'Jr.', 'St.', 'Film Festival', 'Talks', 'and', 'in', ',', '.', '’s', '—', '–', '“', '”'];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).chain((words) =>
  fc.array(fc.constantFrom(' ', ' ', ' ', '\n', '\n\n'), { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
);

describe('the ASCII twins of the extraction patterns', () => {
  it('tells texts whose letters and digits are all ASCII, typographic punctuation allowed', () => {
    expect(hasOnlyAsciiWords('MARRAKECH, Morocco — the 93rd “General Assembly” opened on Monday’s agenda')).toBe(true);
    expect(hasOnlyAsciiWords('Zürich')).toBe(false);
    expect(hasOnlyAsciiWords('١٢٣')).toBe(false); // Arabic-Indic digits
    expect(hasOnlyAsciiWords('e\u0301')).toBe(false); // a combining mark
    expect(hasOnlyAsciiWords('𝒜')).toBe(false); // a letter outside the Basic Multilingual Plane
  });

  it('answers as the pattern over the whole text would, for any code points, lone surrogates included', () => {
    const wholeText = /(?=[\u{80}-\u{10FFFF}])[\p{L}\p{N}\p{M}]/u;
    const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }));
    fc.assert(fc.property(anyText, (t) => expect(hasOnlyAsciiWords(t)).toBe(!wholeText.test(t))), { numRuns: 3000 });
  });

  it('find the tokens and events the Unicode patterns find', () => {
    fc.assert(
      fc.property(text, (ascii) => {
        // "é" adds a lower-case word at the end, which is no event, and sends the text down the Unicode path.
        const unicode = `${ascii} é`;
        expect(hasOnlyAsciiWords(ascii)).toBe(true);
        expect(hasOnlyAsciiWords(unicode)).toBe(false);
        expect(tokenise(ascii)).toEqual(tokenise(unicode).slice(0, -1));
        expect(findEvents(ascii, 'body')).toEqual(findEvents(unicode, 'body'));
      }),
      { numRuns: 1000 },
    );
  });
});
