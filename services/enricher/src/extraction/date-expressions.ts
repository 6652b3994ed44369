import { MONTHS, MONTH_ABBR, WEEKDAYS } from './common-words';
import { Field, Span } from './types';

export interface DateMatch extends Span {
  /** ISO date (`2025-11-24`), range (`2025-11-24/2025-11-27`), month (`2025-11`) or year (`2025`). */
  name: string;
}

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+((?:19|20)\\d{2}))?';
const RANGE_SEP = '\\s*(?:to|through|until|and|[-–—])\\s*';

const WEEKDAY = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';

// Order matters: ranges before single days, so "November 24 to 27" is one mention.
const PATTERNS: { re: RegExp; build: (m: RegExpExecArray, ref: Date) => string | undefined; needs?: RegExp }[] = [
  // "November 24 to 27" and "Nov. 28 through Dec. 2": the second month is optional.
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}${RANGE_SEP}(?:${MONTH}\\s+)?${DAY}${YEAR}\\b`, 'g'), build: (m, ref) => range(m[1], m[2], m[3] ?? m[1], m[4], m[5], ref, sentenceBefore(m)) },
  { re: new RegExp(`\\b${DAY}${RANGE_SEP}${DAY}\\s+${MONTH}${YEAR}\\b`, 'g'), build: (m, ref) => range(m[3], m[1], m[3], m[2], m[4], ref, sentenceBefore(m)) },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}(?!\\d)${YEAR}\\b`, 'g'), build: (m, ref) => day(m[1], m[2], m[3], ref, sentenceBefore(m)) },
  { re: new RegExp(`\\b${DAY}\\s+${MONTH}${YEAR}\\b`, 'g'), build: (m, ref) => day(m[2], m[1], m[3], ref, sentenceBefore(m)) },
  { re: new RegExp(`\\b(?:in|since|by|until|of)\\s+${MONTH}\\s+((?:19|20)\\d{2})\\b`, 'g'), build: (m) => `${m[2]}-${pad(monthIndex(m[1]) + 1)}` },
  { re: /\b(?:on|last|next|this|late on|early on|by)\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/gi, build: (m, ref) => weekday(m[0], m[1], ref, sentenceBefore(m)) },
  // "on Wednesday and Thursday": the second day, read in the same way as the first.
  // (A lookbehind is tried at every offset of the text: the same words read forwards rule most texts out first.)
  {
    re: /(?<=\b(on|last|next|this|by)\s+(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\s+(?:and|or)\s+)(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/gi,
    build: (m, ref) => weekday(`${m[1]} ${m[2]}`, m[2], ref, sentenceBefore(m)),
    needs: /\b(?:on|last|next|this|by)\s+(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\s+(?:and|or)\s+(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/i,
  },
  // AP style drops the "on": "said Thursday", "will vote Tuesday", "late Friday". Not after an article
  // or a capitalised word ("the Friday prayers", "Black Friday", "Super Tuesday").
  { re: new RegExp(`\\b${WEEKDAY}\\b`, 'g'), build: (m, ref) => (afterLowerCaseWord(m) ? weekday(m[1], m[1], ref, sentenceBefore(m)) : undefined) },
  { re: /\b(yesterday|today|tomorrow)\b/gi, build: (m, ref) => relativeDay(m[1].toLowerCase(), ref) },
  { re: /\b(?:in|since|by|until|before|after)\s+((?:19|20)\d{2})\b/g, build: (m) => m[1] },
];

/**
 * `timeZone` is where the story was filed (its dateline's zone): "today" and "on Monday" are that
 * place's days, so a Tokyo story published at 22:30 UTC speaks of the next day's date. Without one,
 * UTC's.
 */
export function findDates(text: string, field: Field, publishedAt?: string, timeZone?: string): DateMatch[] {
  const ref = publishedAt ? referenceDay(publishedAt, timeZone) : undefined;
  const found: DateMatch[] = [];
  for (const { re, build, needs } of PATTERNS) {
    if (needs && !needs.test(text)) continue;
    for (const m of text.matchAll(re)) {
      let start = m.index ?? 0;
      let raw = m[0];
      // Keep the preposition out of the mention; it is context, not the date.
      const lead = /^(?:in|since|by|until|of|on|before|after|late on|early on)\s+/i.exec(raw);
      if (lead && !/^(?:last|next|this)/i.test(raw)) { start += lead[0].length; raw = raw.slice(lead[0].length); }
      if (found.some((f) => start < f.end && start + raw.length > f.start)) continue;
      const name = ref && !isNaN(ref.getTime()) ? build(m as RegExpExecArray, ref) : build(m as RegExpExecArray, new Date(NaN));
      if (!name || name.includes('NaN')) continue;
      found.push({ field, start, end: start + raw.length, text: raw, name });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTH_ABBR.indexOf(w) >= 0 ? MONTH_ABBR.indexOf(w) : MONTHS.findIndex((m) => m.startsWith(w));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Without a year, the year that puts the date nearest the publication date (a December story about
 * "January 3"), or, in a sentence about what is to come, the next such date on or after it (a
 * December story about the World Cup, "which opens June 11").
 */
function inferYear(month: number, dayOfMonth: number, ref: Date, before = ''): number {
  const y = ref.getUTCFullYear();
  if (AHEAD.test(before)) return Date.UTC(y, month, dayOfMonth) >= ref.getTime() ? y : y + 1;
  const candidates = [y - 1, y, y + 1];
  return candidates.sort((a, b) => Math.abs(Date.UTC(a, month, dayOfMonth) - ref.getTime()) - Math.abs(Date.UTC(b, month, dayOfMonth) - ref.getTime()))[0];
}

function iso(year: number, month: number, d: number): string | undefined {
  if (month < 0 || d < 1 || d > 31) return undefined;
  return `${year}-${pad(month + 1)}-${pad(d)}`;
}

function day(monthWord: string, dayText: string, yearText: string | undefined, ref: Date, before?: string): string | undefined {
  const month = monthIndex(monthWord);
  const d = Number(dayText);
  const year = yearText ? Number(yearText) : inferYear(month, d, ref, before);
  return iso(year, month, d);
}

function range(m1: string, d1: string, m2: string, d2: string, yearText: string | undefined, ref: Date, before?: string): string | undefined {
  const from = day(m1, d1, yearText, ref, before);
  let to = day(m2, d2, yearText ?? from?.slice(0, 4), ref);
  // "Dec. 29 to Jan. 2": the second date is in the next year.
  if (from && to && to < from && !yearText && monthIndex(m2) < monthIndex(m1)) to = day(m2, d2, String(Number(from.slice(0, 4)) + 1), ref);
  if (!from || !to || to < from) return undefined;
  return `${from}/${to}`;
}

/** Words before a weekday that put it ahead: "will vote on Thursday", "is due to meet on Friday". */
const FUTURE = /\b(?:will|shall|is (?:due|set|expected|scheduled|to)|are (?:due|set|expected|scheduled|to)|plans? to|planned for|scheduled for|expected to|going to|would)\b/i;
/** The same for a month and day, with the present tense of a schedule: "the World Cup, which opens June 11". */
const AHEAD = new RegExp(`${FUTURE.source}|\\b(?:opens|begins|starts|kicks off|runs from|upcoming)\\b`, 'i');

/**
 * A verb in the past tense before the weekday: "battled a blaze on Tuesday", "said Tuesday". Words in
 * -ed that are schedules rather than a past ("the delayed vote on Tuesday", "expected") do not count.
 */
const PAST = /\b(?:said|told|was|were|had|did|met|spoke|took|made|won|lost|fled|left|held|gave|came|went|began|fell|rose|saw|found|struck|hit|shot|broke|sent|led|sold|bought|drew|[a-z]{2,}ed)\b/gi;
const NOT_PAST = new Set(['expected', 'scheduled', 'rescheduled', 'planned', 'proposed', 'delayed', 'postponed', 'awaited', 'long-awaited', 'called', 'so-called', 'needed', 'required', 'intended', 'supposed']);

function pastTense(before: string): boolean {
  for (const m of before.matchAll(PAST)) if (!NOT_PAST.has(m[0].toLowerCase())) return true;
  return false;
}

/**
 * "on Monday" in wire copy is this week's Monday, looking back (past tense dominates), unless its
 * sentence speaks of what will happen; "next Monday" looks forward, "last Monday" back. Tomorrow's
 * weekday is read ahead ("talks on Tuesday" in Monday's copy) unless the sentence is in the past
 * tense: "battled a blaze on Tuesday" in Monday's copy was six days before, not the day after.
 */
function weekday(phrase: string, dayName: string, ref: Date, before = ''): string | undefined {
  const target = WEEKDAYS.indexOf(dayName.toLowerCase());
  const today = ref.getUTCDay();
  let delta = ((target - today) % 7 + 7) % 7;
  if (/^next/i.test(phrase)) delta = delta === 0 ? 7 : delta;
  else if (/^last/i.test(phrase)) delta = delta === 0 ? -7 : delta - 7;
  else if (delta > 1 && !FUTURE.test(before)) delta -= 7;
  else if (delta === 1 && !FUTURE.test(before) && pastTense(before)) delta -= 7;
  return shift(ref, delta);
}

const WORD_BEFORE = /(?:^|[^\p{L}])([a-z][a-z'’]*)\s$/u;
const NOT_A_DAY_AFTER = new Set(['the', 'a', 'an', 'every', 'each', 'of', 'that', 'per', 'these', 'those']);

/** "said Thursday", not "the Friday prayers" or "Black Friday" (checked here: a lookbehind ran at every position of the text). */
function afterLowerCaseWord(m: RegExpExecArray): boolean {
  const start = m.index ?? 0;
  const word = WORD_BEFORE.exec(m.input.slice(Math.max(0, start - 24), start))?.[1];
  return word !== undefined && !NOT_A_DAY_AFTER.has(word);
}

/** The words of the match's sentence before it (up to 80 characters back). */
function sentenceBefore(m: RegExpExecArray): string {
  const start = m.index ?? 0;
  const window = m.input.slice(Math.max(0, start - 80), start);
  const end = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '), window.lastIndexOf('\n'));
  return end >= 0 ? window.slice(end + 1) : window;
}

/**
 * One formatter per zone: building one costs ~75 µs, ~5 % of an article's extraction. (The services'
 * own helper is in @newsflow/platform, which an extraction worker does not load: its index brings Nest.)
 */
const dayFormats = new Map<string, Intl.DateTimeFormat | null>();

/** The last answer of referenceDay: an article's body and headline ask with the same publication time and zone. */
let lastDay: { publishedAt: string; timeZone: string | undefined; day: Date } | undefined;

/** localDay of a publication time as written (formatting in a zone took ~20 µs an article inside the extraction). The date is only read, never changed. */
function referenceDay(publishedAt: string, timeZone: string | undefined): Date {
  if (lastDay?.publishedAt !== publishedAt || lastDay.timeZone !== timeZone) lastDay = { publishedAt, timeZone, day: localDay(new Date(publishedAt), timeZone) };
  return lastDay.day;
}

/** The publication's calendar day where the story was filed, as midnight UTC of that date. */
function localDay(published: Date, timeZone: string | undefined): Date {
  if (!timeZone || isNaN(published.getTime())) return published;
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      format = null;
    }
    dayFormats.set(timeZone, format);
  }
  return format ? new Date(`${format.format(published)}T00:00:00Z`) : published;
}

function relativeDay(word: string, ref: Date): string | undefined {
  return shift(ref, word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0);
}

function shift(ref: Date, days: number): string | undefined {
  if (isNaN(ref.getTime())) return undefined;
  return new Date(ref.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
