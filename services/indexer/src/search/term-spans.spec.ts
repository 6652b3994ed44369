import { loadRelevanceFixture } from '../evaluation/relevance-fixture';
import { analyze } from './analyzer';
import { termSpans } from './term-spans';

const marked = (text: string) => termSpans(text).map(({ term, start, end }) => [term, text.slice(start, end)]);
const sorted = (terms: string[]) => [...terms].sort();

/** Characters that fold to another length, marks kept and dropped, scripts split and bigrammed, astral ones. */
const ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyz', 'A', 'S', 'É', 'é', 'e\u0301', 'ß', 'æ', 'Æ', 'œ', 'ł', 'ø', 'ı', 'İ', 'ﬁ', 'ﬀ', '½', '²', '™', '①',
  'Σ', 'σ', 'ς', 'ά', 'й', 'Ё', 'مُ', 'حَ', 'שָׁ', 'मो', 'दी', 'क्', 'ก', 'ที่', '习', '近', '平', 'が', 'カ', 'ｶ', 'ﾞ', 'ー', '한', '국', '\u1100\u1161',
  '𠮷', '😀', '❤\ufe0f', '7', '2025', '-', "'", '’', '.', ',', '"', '<', '&', ' ', ' ', '  ', '\n', '\u00a0', '\u3000', 'WHO', 'IT', 'IS', 'the ',
];

/** A seeded generator (mulberry32), so a failure names a text that reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isInsideCharacter(text: string, offset: number): boolean {
  const unit = text.charCodeAt(offset);
  return (unit >= 0xdc00 && unit <= 0xdfff && offset > 0) || /^\p{M}/u.test(text.slice(offset));
}

describe('termSpans', () => {
  it('marks the original spelling a folded term came from', () => {
    expect(marked('São Paulo’s mayor in Łódź')).toEqual([['sao', 'São'], ['paulo', 'Paulo'], ['mayor', 'mayor'], ['lodz', 'Łódź']]);
    expect(marked('Mohrenstraße, Æsir ﬁnals')).toEqual([['mohrenstrass', 'Mohrenstraße'], ['aesir', 'Æsir'], ['final', 'ﬁnals']]);
    // Decomposed input: the mark stays inside the span, after the letter it sits on.
    expect(marked('cafe\u0301 Zu\u0308rich')).toEqual([['cafe', 'cafe\u0301'], ['zurich', 'Zu\u0308rich']]);
  });

  it('gives CJK bigrams their characters, astral ones whole', () => {
    const text = '新华社电 习近平会见法国总统马克龙 𠮷野家';
    const spans = termSpans(text);
    expect(spans.filter((s) => s.term === '习近' || s.term === '近平').map((s) => text.slice(s.start, s.end))).toEqual(['习近', '近平']);
    expect(spans.filter((s) => s.term.includes('𠮷')).map((s) => text.slice(s.start, s.end))).toEqual(['𠮷野']);
  });

  it('leaves out stop words, and finds the acronyms on the original text', () => {
    expect(marked('the WHO said it is')).toEqual([['who', 'WHO']]);
    expect(marked('IT is the way')).toEqual([['it', 'IT'], ['way', 'way']]);
  });

  it('aligns a word-final capital sigma, which folds to ς only in context', () => {
    expect(marked('ΟΔΟΣ-ΑΘΗΝΑ')).toEqual([['οδος', 'ΟΔΟΣ'], ['αθηνα', 'ΑΘΗΝΑ']]);
  });

  it('gives exactly the terms analyze() gives, over the evaluation corpus', () => {
    const { payloads } = loadRelevanceFixture();
    for (const { article } of payloads.slice(0, 600)) {
      for (const text of [article.headline, article.body]) expect(sorted(termSpans(text).map((s) => s.term))).toEqual(sorted(analyze(text)));
    }
  });

  it('agrees with analyze() on random multilingual text, with spans that re-analyse to their term and never cut a character', () => {
    const next = random(20261207);
    for (let n = 0; n < 3000; n += 1) {
      const length = 1 + Math.floor(next() * 12);
      const text = Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(next() < 0.5 ? '' : ' ');
      const spans = termSpans(text);
      expect({ text, terms: sorted(spans.map((s) => s.term)) }).toEqual({ text, terms: sorted(analyze(text)) });
      for (const { term, start, end } of spans) {
        expect({ text, term, start, inside: isInsideCharacter(text, start) || (end < text.length && isInsideCharacter(text, end)) }).toEqual({ text, term, start, inside: false });
        expect({ text, term, found: analyze(text.slice(start, end)).includes(term) }).toEqual({ text, term, found: true });
      }
    }
  });
});
