/** Which number comes first in a numeric date such as 05/11/2025: the day (most of the world) or the month (the US). */
export type DateOrder = 'dmy' | 'mdy';

/** Countries that write the month first. */
const MONTH_FIRST = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM']);
/**
 * Countries with no single convention for a day and a month in numbers (Canada uses both; East Asia,
 * Hungary, Lithuania and Iran write the year first, so a date in another order there is foreign).
 */
const NO_CONVENTION = new Set(['CA', 'CN', 'JP', 'KR', 'KP', 'TW', 'HU', 'LT', 'IR', 'MN']);

/**
 * The convention a story's numeric dates follow, when something says which: the region of its language
 * tag (`en-US`, `en-GB`), else the country it was filed from. English alone says nothing (a London and
 * a New York desk both write `en`); another language than English is written day first wherever it is
 * spoken. Undefined means unknown: a date whose order only the convention could tell is then left out,
 * not guessed (see `numericMonthDay`).
 */
export function dateOrderOf(languageTag?: string, filedCountry?: string): DateOrder | undefined {
  const [language, ...subtags] = (languageTag ?? '').split('-');
  const region = subtags.find((s) => /^[A-Za-z]{2}$/.test(s))?.toUpperCase();
  if (region) return orderIn(region);
  if (filedCountry) return orderIn(filedCountry.toUpperCase());
  if (language && language.toLowerCase() !== 'en') return 'dmy';
  return undefined;
}

function orderIn(country: string): DateOrder | undefined {
  if (MONTH_FIRST.has(country)) return 'mdy';
  return NO_CONVENTION.has(country) ? undefined : 'dmy';
}

/**
 * The month (0-based) and day of a numeric date's first two numbers. A number above 12 can only be
 * the day (24/11/2025, 11/24/2025), and two equal numbers read the same either way (05/05/2025);
 * otherwise (05/11/2025) only the convention can tell, and without one there is no answer.
 */
export function numericMonthDay(first: number, second: number, order: DateOrder | undefined): { month: number; day: number } | undefined {
  if (first < 1 || second < 1 || (first > 12 && second > 12)) return undefined;
  if (first > 12) return { month: second - 1, day: first };
  if (second > 12) return { month: first - 1, day: second };
  if (first === second) return { month: first - 1, day: first };
  if (order === 'dmy') return { month: second - 1, day: first };
  if (order === 'mdy') return { month: first - 1, day: second };
  return undefined;
}
