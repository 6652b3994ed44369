import fc from 'fast-check';
import { detectLanguage, SCRIPTS, STOPWORDS } from './language-detect';

// The first, straightforward version over the same tables, kept as the oracle the single-pass one must agree with.
function reference(text: string): string | undefined {
  const sample = text.slice(0, 5000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return undefined;
  for (const [re, lang] of SCRIPTS) {
    if ((sample.match(re) ?? []).length / letters > 0.5) return lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return undefined;
  const scores = Object.entries(STOPWORDS).map(([lang, list]) => {
    const set = new Set(list);
    return [lang, words.filter((w) => set.has(w)).length / words.length] as const;
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [top, second] = scores;
  return top[1] >= 0.12 && top[1] >= second[1] * 1.5 ? top[0] : undefined;
}


describe('detectLanguage', () => {
  it('tells common languages apart', () => {
    expect(detectLanguage('The president said on Monday that the talks with the union had failed and that he was leaving.')).toBe('en');
    expect(detectLanguage("Le président a déclaré lundi que les négociations avec les syndicats ont échoué et qu'il part.")).toBe('fr');
    expect(detectLanguage('El presidente dijo el lunes que las negociaciones con los sindicatos habían fracasado y que se va.')).toBe('es');
    expect(detectLanguage('Президент заявил в понедельник, что переговоры с профсоюзами провалились.')).toBe('ru');
  });
  it('stays silent on too little text or garbage', () => {
    expect(detectLanguage('')).toBeUndefined();
    expect(detectLanguage('\u0000\u0001\ufffd\ufffd%%$$##')).toBeUndefined();
  });
  it('answers as the straightforward version does, on any mix of scripts, marks, stop words and astral letters', () => {
    const pieces = ['the', 'and', 'said', 'le', 'les', 'de', 'la', 'el', 'y', 'der', 'und', 'het', 'o', 'e', 'il', 'President', 'Marrakech',
      'президент', 'заявил', 'الرئيس', 'قال', 'मंत्री', 'ने', '総理', 'ひらがな', 'カタカナ', '대통령', 'Πρόεδρος', 'נשיא', 'ประธาน', '𠀀𠀁', '\u0301', '42', '—', '🙂'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((words) => words.join(' '));
    fc.assert(fc.property(text, (t) => expect(detectLanguage(t)).toBe(reference(t))), { numRuns: 2000 });
    for (const lang of ['the', 'президент', 'الرئيس', 'मंत्री', '総理', '𠀀𠀁']) {
      const sample = Array.from({ length: 40 }, () => lang).join(' ');
      expect(detectLanguage(sample)).toBe(reference(sample));
    }
  });

  it('answers as the straightforward version does on ASCII-lettered text, where it counts from the character codes', () => {
    const stopwords = Object.values(STOPWORDS).flat();
    const word = fc.oneof(
      fc.constantFrom(...stopwords),
      fc.constantFrom(...stopwords).map((w) => w.toUpperCase()),
      fc.constantFrom(...stopwords).map((w) => w[0].toUpperCase() + w.slice(1)),
      // Longer words sharing a stop word's first letters, and words split by digits.
      fc.constantFrom('thereby', 'theory', 'andante', 'others', 'Dessert', 'the1and', 'l3s', 'dellas'),
      fc.stringMatching(/^[A-Za-z]{1,9}$/),
    );
    const gap = fc.constantFrom(' ', '  ', '\n', ', ', '. ', ' — ', '’', ' “', '” ', '-', '9', '\u00a0', '\u0301');
    const text = fc.array(fc.tuple(word, gap), { maxLength: 120 }).map((pairs) => pairs.flat().join(''));
    fc.assert(fc.property(text, (t) => expect(detectLanguage(t)).toBe(reference(t))), { numRuns: 3000 });
  });
});
