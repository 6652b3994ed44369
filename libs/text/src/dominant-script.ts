/**
 * Scripts that, when they hold most of a text's letters, name its language, or `und` when the script
 * is several languages' and the text does not say which (see `refine`). Kana come before Han: Japanese
 * writes most of its letters in kanji (Han), and any kana make it Japanese, not Chinese.
 */
export const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Arabic}/gu, 'ar'], [/\p{Script=Cyrillic}/gu, 'ru'], [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'], [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Hangul}/gu, 'ko'], [/\p{Script=Devanagari}/gu, 'hi'], [/\p{Script=Greek}/gu, 'el'], [/\p{Script=Hebrew}/gu, 'he'], [/\p{Script=Thai}/gu, 'th'],
];

/** Any character of the SCRIPTS above. */
const ANY_SCRIPT = new RegExp(`[${SCRIPTS.map(([re]) => re.source.replace(/^\[|\]$/g, '')).join('')}]`, 'u');
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;

/**
 * The language of the script holding more than half of the text's `letters`, if one does: `ja` for
 * Han and kana together with a few kana at least, and `und` for a script the text does not pin to one
 * language (Cyrillic with Bulgarian's, Serbian's or Kazakh's words or letters, Arabic script with Persian or Urdu letters, Devanagari
 * without Hindi's commonest words).
 */
export function dominantScript(text: string, letters: number): string | undefined {
  if (!ANY_SCRIPT.test(text)) return undefined;
  const kana = count(text, KANA);
  if (kana > 0) {
    const han = count(text, HAN);
    // Japanese prose is a third or more kana; a Chinese text has at most a stray one.
    if ((kana + han) / letters > 0.5 && kana * 20 >= kana + han) return 'ja';
  }
  for (const [re, lang] of SCRIPTS) {
    if (lang !== 'ja' && count(text, re) / letters > 0.5) return refine(lang, text);
  }
  return undefined;
}

function count(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
}

/** Cyrillic letters of languages other than Russian: Kazakh and others, Serbian and Macedonian. */
const OTHER_CYRILLIC = /[әғқңөұүһҳҷӣӯђћџљњјѓќѕ]/iu;
/** Bulgarian's commonest words that Russian does not have. */
const BULGARIAN_WORDS = /(?:^|[^\p{L}])(?:че|ще|са|това|които|този|тази)(?=$|[^\p{L}])/iu;
/** Arabic-script letters of Urdu, Pashto, Kurdish, Uyghur (not Persian's or Arabic's). */
const OTHER_ARABIC = /[ٹڈڑںےۓہھټډړږښځڅېۍێۆڵڕەۇۈۋ]/u;
const PERSIAN = /[پچژگکی]/u;
/** Hindi's commonest function words, which Marathi and Nepali do not use. */
const HINDI_WORDS = /(?:^|[\s,.।])(?:है|हैं|के|की|में|से|ने|और)(?=$|[\s,.।])/u;

function refine(lang: string, text: string): string {
  if (lang === 'ru') {
    if (OTHER_CYRILLIC.test(text)) return 'und';
    if (/ў/iu.test(text)) return 'be';
    if (/[іїєґ]/iu.test(text)) return 'uk';
    return BULGARIAN_WORDS.test(text) ? 'und' : 'ru';
  }
  if (lang === 'ar') return OTHER_ARABIC.test(text) ? 'und' : PERSIAN.test(text) ? 'fa' : 'ar';
  if (lang === 'hi') return HINDI_WORDS.test(text) ? 'hi' : 'und';
  return lang;
}
