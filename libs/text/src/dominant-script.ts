/**
 * Scripts that, when they hold most of a text's letters, name its likely language. A guess: Cyrillic
 * is also Ukrainian's, Arabic script Persian's, so a caller that labels articles with it should know
 * that; one that only needs "not English" can rely on it.
 */
export const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Arabic}/gu, 'ar'], [/\p{Script=Cyrillic}/gu, 'ru'], [/\p{Script=Han}/gu, 'zh'], [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'], [/\p{Script=Devanagari}/gu, 'hi'], [/\p{Script=Greek}/gu, 'el'], [/\p{Script=Hebrew}/gu, 'he'], [/\p{Script=Thai}/gu, 'th'],
];

/** Any character of the SCRIPTS above. */
const ANY_SCRIPT = new RegExp(`[${SCRIPTS.map(([re]) => re.source.replace(/^\[|\]$/g, '')).join('')}]`, 'u');

/** The language of the script holding more than half of the text's `letters`, if one does. */
export function dominantScript(text: string, letters: number): string | undefined {
  if (!ANY_SCRIPT.test(text)) return undefined;
  for (const [re, lang] of SCRIPTS) {
    if ((text.match(re) ?? []).length / letters > 0.5) return lang;
  }
  return undefined;
}
