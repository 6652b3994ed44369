import fc from 'fast-check';
import { detectLanguage, LanguageEvidence } from './detect-language';
import { SCRIPTS } from './dominant-script';
import { STOPWORDS } from './stop-words';

/** What the enricher asks before it overrides a declared language. */
const CLEAR: LanguageEvidence = { minLetters: 20, scripts: true, minWords: 8, minShare: 0.12, lead: 1.5 };
/** What ingest asks before it names the language of a story that declares none. */
const LENIENT: LanguageEvidence = { minLetters: 0, scripts: false, minWords: 5, minShare: 0.05, lead: 1.3 };

// The first, straightforward version over the same tables, kept as the oracle the counting one must agree with.
function reference(text: string, evidence: LanguageEvidence): string | undefined {
  const sample = text.slice(0, 5000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < evidence.minLetters) return undefined;
  if (evidence.scripts) {
    for (const [re, lang] of SCRIPTS) {
      if ((sample.match(re) ?? []).length / letters > 0.5) return lang;
    }
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < evidence.minWords) return undefined;
  const scores = Object.entries(STOPWORDS).map(([lang, list]) => {
    const set = new Set(list);
    return [lang, words.filter((w) => set.has(w)).length / words.length] as const;
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [top, second] = scores;
  return top[1] >= evidence.minShare && top[1] >= second[1] * evidence.lead ? top[0] : undefined;
}

describe('detectLanguage', () => {
  it('tells common languages apart', () => {
    for (const evidence of [CLEAR, LENIENT]) {
      expect(detectLanguage('The president said on Monday that the talks with the union had failed and that he was leaving.', evidence)).toBe('en');
      expect(detectLanguage("Le président a déclaré lundi que les négociations avec les syndicats ont échoué et qu'il part.", evidence)).toBe('fr');
      expect(detectLanguage('El presidente dijo el lunes que las negociaciones con los sindicatos habían fracasado y que se va.', evidence)).toBe('es');
    }
  });

  it('names the language of a dominant script only when asked to', () => {
    const russian = 'Президент заявил в понедельник, что переговоры с профсоюзами провалились.';
    expect(detectLanguage(russian, CLEAR)).toBe('ru');
    expect(detectLanguage(russian, LENIENT)).toBeUndefined();
  });

  it('stays silent on too little text or garbage', () => {
    for (const evidence of [CLEAR, LENIENT]) {
      expect(detectLanguage('', evidence)).toBeUndefined();
      expect(detectLanguage('\u0000\u0001\ufffd\ufffd%%$$##', evidence)).toBeUndefined();
      expect(detectLanguage('the and of', evidence)).toBeUndefined();
    }
  });

  it('reads only the first 5,000 characters', () => {
    const english = 'The minister said that the plan was a step in the right direction for the country. '.repeat(60);
    const french = "Le ministre a dit que le plan est un pas dans la bonne direction pour le pays et les gens. ".repeat(60);
    expect(detectLanguage(english + french, CLEAR)).toBe('en');
    expect(detectLanguage(french + english, CLEAR)).toBe('fr');
  });

  it('answers as the straightforward version does, on any mix of scripts, marks, stop words and astral letters', () => {
    const pieces = ['the', 'and', 'said', 'le', 'les', 'de', 'la', 'el', 'y', 'der', 'und', 'für', 'não', 'het', 'o', 'e', 'il', 'President', 'Marrakech', 'İstanbul',
      'президент', 'заявил', 'الرئيس', 'قال', 'मंत्री', 'ने', '総理', 'ひらがな', 'カタカナ', '대통령', 'Πρόεδρος', 'נשיא', 'ประธาน', '𠀀𠀁', '𝐀𝐁', '\u0301', '42', '—', '🙂'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((words) => words.join(' '));
    for (const evidence of [CLEAR, LENIENT]) {
      fc.assert(fc.property(text, (t) => expect(detectLanguage(t, evidence)).toBe(reference(t, evidence))), { numRuns: 2000 });
    }
    for (const word of ['the', 'президент', 'الرئيس', 'मंत्री', '総理', '𠀀𠀁', '𝐀𝐁']) {
      const sample = Array.from({ length: 40 }, () => word).join(' ');
      for (const evidence of [CLEAR, LENIENT]) expect(detectLanguage(sample, evidence)).toBe(reference(sample, evidence));
    }
  });

  it('answers as the straightforward version does on ASCII-lettered text, which it counts from the character codes', () => {
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
    for (const evidence of [CLEAR, LENIENT]) {
      fc.assert(fc.property(text, (t) => expect(detectLanguage(t, evidence)).toBe(reference(t, evidence))), { numRuns: 3000 });
    }
  });
});
