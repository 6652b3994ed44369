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
  // Languages that share short words with those above ("na", "do", "o", "de", "en", "om"): without
  // their own lists, Polish voted Portuguese, Swedish Dutch, Romanian Portuguese, Catalan Spanish.
  pl: ['i', 'w', 'z', 'na', 'się', 'nie', 'do', 'że', 'to', 'jest', 'o', 'jak', 'od', 'po', 'za', 'przez', 'oraz', 'ale', 'co', 'dla'],
  sv: ['och', 'i', 'att', 'det', 'som', 'en', 'på', 'är', 'av', 'för', 'med', 'till', 'den', 'har', 'de', 'inte', 'om', 'ett', 'var', 'efter'],
  // Danish and Norwegian share most of their commonest words: a text in either is often a tie, `und`.
  da: ['og', 'i', 'at', 'det', 'er', 'en', 'til', 'på', 'som', 'de', 'med', 'af', 'ikke', 'den', 'har', 'et', 'om', 'var', 'blev', 'efter'],
  nb: ['og', 'i', 'at', 'det', 'er', 'en', 'til', 'på', 'som', 'de', 'med', 'av', 'ikke', 'den', 'har', 'et', 'om', 'var', 'ble', 'etter'],
  ro: ['și', 'şi', 'în', 'de', 'la', 'a', 'cu', 'să', 'că', 'pe', 'din', 'nu', 'care', 'un', 'o', 'este', 'mai', 'au', 'fost', 'pentru'],
  ca: ['el', 'la', 'els', 'les', 'i', 'de', 'que', 'a', 'en', 'un', 'una', 'per', 'amb', 'no', 'es', 'del', 'al', 'va', 'ha', 'dels'],
  tr: ['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'çok', 'daha', 'en', 'gibi', 'ne', 'o', 'ama', 'sonra', 'kadar', 'var', 'olan', 'yeni'],
  id: ['yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'dari', 'dalam', 'akan', 'pada', 'juga', 'ke', 'ada', 'oleh', 'telah', 'bahwa', 'mereka', 'kata'],
};

/**
 * The letters beyond a–z each language's own words use, lower case. A text voted into a language but
 * written with many other letters (ł, ş, ă, ơ) is in a language the vote does not know: `und`.
 */
export const ALPHABETS: Record<string, string> = {
  en: '', fr: 'àâæçéèêëîïôœùûüÿ', es: 'áéíñóúü', de: 'äöüß', it: 'àèéìíîòóùú', pt: 'àáâãçéêíóôõú', nl: 'éëïöüèáóúäê',
  pl: 'ąćęłńóśźż', sv: 'åäöé', da: 'æøåé', nb: 'æøåéô', ro: 'ăâîșțşţ', ca: 'àèéíïòóúüç', tr: 'çğıöşüâîû', id: '',
};

/** Languages in the order the vote breaks ties: the order of STOPWORDS. */
export const LANGUAGES = Object.keys(STOPWORDS);

/** Each stop word with the indices in LANGUAGES of the languages listing it ('de' is Spanish, Portuguese and Dutch). */
export const STOPWORD_LANGUAGES = new Map<string, number[]>();
LANGUAGES.forEach((lang, index) => {
  for (const word of STOPWORDS[lang]) STOPWORD_LANGUAGES.set(word, [...(STOPWORD_LANGUAGES.get(word) ?? []), index]);
});
