import fc from 'fast-check';
import { detectLanguage } from './language-detect';

// The first, straightforward version, kept as the oracle the single-pass one must agree with.
const REFERENCE_STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'with', 'on', 'said', 'he', 'it', 'as', 'by', 'at', 'from', 'his', 'has'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'un', 'une', 'est', 'dans', 'que', 'pour', 'qui', 'sur', 'au', 'pas', 'avec', 'il', 'ce', 'aux'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'que', 'en', 'un', 'una', 'por', 'con', 'para', 'del', 'se', 'al', 'es', 'su', 'lo', 'como'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'den', 'mit', 'von', 'sich', 'des', 'auf', 'für', 'ein', 'eine', 'dem', 'im', 'zu', 'auch', 'wird'],
  it: ['il', 'di', 'che', 'la', 'e', 'per', 'un', 'una', 'del', 'della', 'non', 'sono', 'con', 'gli', 'le', 'nel', 'alla', 'anche', 'ha', 'si'],
  pt: ['o', 'a', 'os', 'as', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'no', 'na', 'por', 'se', 'dos'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'in', 'voor', 'niet', 'met', 'zijn', 'die', 'ook', 'aan', 'er', 'maar', 'om'],
};

const REFERENCE_SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Arabic}/gu, 'ar'], [/\p{Script=Cyrillic}/gu, 'ru'], [/\p{Script=Han}/gu, 'zh'], [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'], [/\p{Script=Devanagari}/gu, 'hi'], [/\p{Script=Greek}/gu, 'el'], [/\p{Script=Hebrew}/gu, 'he'], [/\p{Script=Thai}/gu, 'th'],
];

function reference(text: string): string | undefined {
  const sample = text.slice(0, 5000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return undefined;
  for (const [re, lang] of REFERENCE_SCRIPTS) {
    if ((sample.match(re) ?? []).length / letters > 0.5) return lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return undefined;
  const scores = Object.entries(REFERENCE_STOPWORDS).map(([lang, list]) => {
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
});
