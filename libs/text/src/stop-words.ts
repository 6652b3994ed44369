/**
 * The twenty commonest function words of each language the vote knows. Short lists are enough: in
 * running text of any length these words are a fifth to a third of all words, and a foreign text
 * rarely shares more than a few of them.
 */
export const STOPWORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'with', 'on', 'said', 'he', 'it', 'as', 'by', 'at', 'from', 'his', 'has'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'un', 'une', 'est', 'dans', 'que', 'pour', 'qui', 'sur', 'au', 'pas', 'avec', 'il', 'ce', 'aux'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'que', 'en', 'un', 'una', 'por', 'con', 'para', 'del', 'se', 'al', 'es', 'su', 'lo', 'como'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'den', 'mit', 'von', 'sich', 'des', 'auf', 'für', 'ein', 'eine', 'dem', 'im', 'zu', 'auch', 'wird'],
  it: ['il', 'di', 'che', 'la', 'e', 'per', 'un', 'una', 'del', 'della', 'non', 'sono', 'con', 'gli', 'le', 'nel', 'alla', 'anche', 'ha', 'si'],
  pt: ['o', 'a', 'os', 'as', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'no', 'na', 'por', 'se', 'dos'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'in', 'voor', 'niet', 'met', 'zijn', 'die', 'ook', 'aan', 'er', 'maar', 'om'],
};

/** Languages in the order the vote breaks ties: the order of STOPWORDS. */
export const LANGUAGES = Object.keys(STOPWORDS);

/** Each stop word with the indices in LANGUAGES of the languages listing it ('de' is Spanish, Portuguese and Dutch). */
export const STOPWORD_LANGUAGES = new Map<string, number[]>();
LANGUAGES.forEach((lang, index) => {
  for (const word of STOPWORDS[lang]) STOPWORD_LANGUAGES.set(word, [...(STOPWORD_LANGUAGES.get(word) ?? []), index]);
});
