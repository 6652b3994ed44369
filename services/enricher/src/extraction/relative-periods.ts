/**
 * "last week", "next month", "this year", "last night", and the week words that place a weekday
 * ("Thursday last week"), read against the publication's day (midnight UTC of its local date).
 */

/** "last week" is the calendar week before the publication's, Monday to Sunday; "next month" the month after; "last night" yesterday. */
export function period(which: string, unit: string, ref: Date): string | undefined {
  if (isNaN(ref.getTime())) return undefined;
  const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  if (unit === 'night') return which === 'last' ? isoDay(ref, -1) : undefined;
  if (unit === 'year') return String(ref.getUTCFullYear() + step);
  if (unit === 'month') return new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + step, 1)).toISOString().slice(0, 7);
  const monday = -((ref.getUTCDay() + 6) % 7) + 7 * step;
  return `${isoDay(ref, monday)}/${isoDay(ref, monday + 6)}`;
}

const WEEK_AFTER = /^\s+(?:of\s+)?(last|next|this)\s+week\b/i;
const WEEKDAY_BEFORE = /\b(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\s+(?:of\s+)?$/i;

/** The week a weekday is put in by the words after it ("Thursday last week" is -1), if any. */
export function weekAfter(m: RegExpExecArray): number | undefined {
  const end = (m.index ?? 0) + m[0].length;
  const which = WEEK_AFTER.exec(m.input.slice(end, end + 24))?.[1].toLowerCase();
  return which === undefined ? undefined : which === 'last' ? -1 : which === 'next' ? 1 : 0;
}

/** "last week" in "Thursday last week" only says which Thursday: the weekday is the date. */
export function afterWeekday(m: RegExpExecArray): boolean {
  const start = m.index ?? 0;
  return WEEKDAY_BEFORE.test(m.input.slice(Math.max(0, start - 16), start));
}

const ANY_WORD_BEFORE = /(?:^|[^\p{L}])(\p{L}+)\s+$/u;
const DETERMINERS = new Set(['the', 'a', 'an', 'every', 'each', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your']);

/** "the last night of the festival", "over the next week", "his last year": a stretch of time, not a day or a week of the calendar. */
export function notAfterArticle(m: RegExpExecArray): boolean {
  const start = m.index ?? 0;
  const word = ANY_WORD_BEFORE.exec(m.input.slice(Math.max(0, start - 24), start))?.[1];
  return word === undefined || !DETERMINERS.has(word.toLowerCase());
}

function isoDay(ref: Date, days: number): string {
  return new Date(ref.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
