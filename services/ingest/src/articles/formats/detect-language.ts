/**
 * A small stop-word vote, used only when the source does not declare a language. Short or
 * ambiguous texts come out as `und` (undetermined) rather than a guess.
 */
const STOP_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'said', 'by', 'at', 'from'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'un', 'une', 'est', 'dans', 'pour', 'que', 'qui', 'sur', 'au'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'auf', 'für', 'ein', 'eine'],
  es: ['el', 'los', 'las', 'y', 'del', 'que', 'en', 'por', 'con', 'una', 'para', 'es', 'se', 'su', 'al'],
  it: ['il', 'di', 'che', 'e', 'per', 'del', 'della', 'con', 'non', 'una', 'sono', 'nel', 'alla', 'gli', 'anche'],
  pt: ['o', 'os', 'as', 'e', 'do', 'da', 'que', 'em', 'para', 'com', 'uma', 'não', 'no', 'na', 'por'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'met', 'op', 'voor', 'zijn', 'aan', 'ook', 'werd'],
};

/** Each stop word with the languages listing it ('que' is French, Spanish and Portuguese). */
const LANGUAGES_OF = new Map<string, string[]>();
for (const [lang, stops] of Object.entries(STOP_WORDS)) {
  for (const word of new Set(stops)) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), lang]);
}

/** One pass over the words (it ran once per language, with a new set each time, on every article without a language). */
export function detectLanguage(text: string): string {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 5) return 'und';
  const hits = new Map(Object.keys(STOP_WORDS).map((lang) => [lang, 0]));
  for (const word of words) {
    for (const lang of LANGUAGES_OF.get(word) ?? []) hits.set(lang, (hits.get(lang) as number) + 1);
  }
  const scores = [...hits].map(([lang, count]) => ({ lang, score: count / words.length }));
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  return best.score >= 0.05 && best.score > second.score * 1.3 ? best.lang : 'und';
}
