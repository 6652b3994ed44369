import fc from 'fast-check';
import { findSequences, isInlineGap } from './capitalised-sequences';
import { tokenise } from './tokenise';

const seqs = (text: string) => findSequences(text, tokenise(text)).map((s) => s.text);

describe('findSequences', () => {
  it('joins names with connectors and cuts possessives', () => {
    expect(seqs('praised on Monday in Marrakech Morocco’s steadfast commitment to the Bank of England.')).toEqual(['Marrakech Morocco', 'Bank of England']);
  });
  it('trims sentence-initial words that are not names', () => {
    expect(seqs('Speaking at the opening, Major General Al-Raisi thanked him. Highlighting Morocco’s heritage, he left.')).toEqual([
      'Major General Al-Raisi',
      'Morocco',
    ]);
  });
  it('splits at calendar words and keeps offsets', () => {
    const text = 'The President of the International Criminal Police Organization (ICPO–INTERPOL), held November 24 in Paris';
    for (const s of findSequences(text, tokenise(text))) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(seqs(text)).toEqual(['President of the International Criminal Police Organization', 'ICPO–INTERPOL', 'Paris']);
  });
  it('finds gaps within a line by character codes exactly as the pattern does', () => {
    const pattern = /^[ \t\u00a0]+$/;
    const text = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\n', '\r', '\u2003', 'a', '-'), maxLength: 6 });
    fc.assert(
      fc.property(text, fc.nat(7), fc.nat(7), (t, from, to) => expect(isInlineGap(t, from, to)).toBe(pattern.test(t.slice(from, to)))),
      { numRuns: 5000 },
    );
  });
  it('looks back for cues only within the sentence and the quotation', () => {
    const before = (text: string, tokens = tokenise(text)) => findSequences(text, tokens).map((s) => `${s.text}<${s.before.join(' ')}`);
    // The date "2019" is claimed by then, so it is no token: "in" must not reach across the full stop.
    const fled = 'They fled in 2019. Mateo Rossi said.';
    expect(before(fled, tokenise(fled).filter((t) => t.text !== '2019'))).toEqual(['Mateo Rossi<']);
    expect(before('"I dreamt of it at Holywood Golf Club," McIlroy said.')).toEqual(['Holywood Golf Club<it at', 'McIlroy<']);
    expect(before('Shares of Glencore fell and copper giant Codelco rose.')).toEqual(['Glencore<shares of', 'Codelco<copper giant']);
  });
  it('keeps a plural\'s possessive inside a body\'s name, and ends a run at any other possessive', () => {
    expect(seqs("The Australian Workers' Union and the Teachers’ Federation met Britain's Labour Party.")).toEqual(["Australian Workers' Union", 'Teachers’ Federation', 'Britain', 'Labour Party']);
  });
  it('keeps an organisation\'s acronym that is also a stopword ("WHO said"), except in shouted text', () => {
    expect(seqs('The World Health Organization (WHO) said so. WHO said it would help. Who pays?')).toEqual(['World Health Organization', 'WHO', 'WHO']);
    expect(seqs('WHO WILL PAY')).toEqual(['WILL PAY']);
  });
});
