import { MONTHS, MONTH_ABBR, WEEKDAYS } from './common-words';
import { aheadBefore, ATTRIBUTION_REACH, directionBefore, pastPerfectBefore } from './date-tense';
import { DateOrder, numericMonthDay } from './numeric-date-order';
import { afterWeekday, notAfterArticle, period, weekAfter } from './relative-periods';
import { Field, Span } from './types';

export interface DateMatch extends Span {
  /** ISO date (`2025-11-24`), range (`2025-11-24/2025-11-27`, also a week), month (`2025-11`) or year (`2025`). */
  name: string;
}

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+((?:19|20)\\d{2}))?';
const RANGE_SEP = '\\s*(?:to|through|until|and|[-–—])\\s*';

const WEEKDAY = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
/** A month named alone, written out or abbreviated with its point: "in March", "by Sept.". */
const MONTH_ALONE = '((?:January|February|March|April|May|June|July|August|September|October|November|December)\\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.)';

type Build = (m: RegExpExecArray, ref: Date, order: DateOrder | undefined) => string | undefined;
/** `day`: one calendar day written out; `weekday`: a weekday resolved from the publication's day. */
type Kind = 'day' | 'weekday';

// Order matters: ranges before single days, so "November 24 to 27" is one mention.
const PATTERNS: { re: RegExp; build: Build; needs?: RegExp; kind?: Kind }[] = [
  // ISO 8601, "2025-12-01", and numeric dates with a four-digit year, "24/11/2025" or "24.11.2025".
  { re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g, build: (m) => (standsAlone(m) ? iso(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined), kind: 'day' },
  { re: /\b(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})\b/g, build: (m, _ref, order) => (standsAlone(m) ? numeric(m[1], m[3], m[4], order) : undefined), kind: 'day' },
  // "November 24 to 27" and "Nov. 28 through Dec. 2": the second month is optional.
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}${RANGE_SEP}(?:${MONTH}\\s+)?${DAY}${YEAR}\\b`, 'g'), build: (m, ref) => range(m[1], m[2], m[3] ?? m[1], m[4], m[5], ref, sentenceBefore(m)) },
  { re: new RegExp(`\\b${DAY}${RANGE_SEP}${DAY}\\s+${MONTH}${YEAR}\\b`, 'g'), build: (m, ref) => range(m[3], m[1], m[3], m[2], m[4], ref, sentenceBefore(m)) },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}(?!\\d)${YEAR}\\b`, 'g'), build: (m, ref) => day(m[1], m[2], m[3], ref, sentenceBefore(m)), kind: 'day' },
  { re: new RegExp(`\\b${DAY}\\s+${MONTH}${YEAR}\\b`, 'g'), build: (m, ref) => day(m[2], m[1], m[3], ref, sentenceBefore(m)), kind: 'day' },
  { re: new RegExp(`\\b(?:in|since|by|until|of)\\s+${MONTH}\\s+((?:19|20)\\d{2})\\b`, 'g'), build: (m) => `${m[2]}-${pad(monthIndex(m[1]) + 1)}` },
  // "in March", "by late May", "since mid-Sept.": not followed by a day or a year, nor a possessive ("in May's cabinet").
  // (The month is looked for first and the preposition then: a text has far fewer months than "in"s and "of"s.)
  { re: new RegExp(`\\b${MONTH_ALONE}(?![\\s,]*\\d)(?!['’]s\\b)`, 'g'), build: (m, ref) => monthAlone(m, ref) },
  { re: /\b(?:on|last|next|this past|this coming|this|coming|late on|early on|by)\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/gi, build: (m, ref) => weekday(m[0], m[1], ref, sentenceBefore(m), weekAfter(m)), kind: 'weekday' },
  // "on Wednesday and Thursday": the second day, read in the same way as the first.
  // (A lookbehind is tried at every offset of the text: the same words read forwards rule most texts out first.)
  {
    re: /(?<=\b(on|last|next|this|by)\s+(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\s+(?:and|or)\s+)(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/gi,
    build: (m, ref) => weekday(`${m[1]} ${m[2]}`, m[2], ref, sentenceBefore(m), weekAfter(m)),
    needs: /\b(?:on|last|next|this|by)\s+(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\s+(?:and|or)\s+(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/i,
    kind: 'weekday',
  },
  // AP style drops the "on": "said Thursday", "will vote Tuesday", "late Friday". Not after an article
  // or a capitalised word ("the Friday prayers", "Black Friday", "Super Tuesday").
  { re: new RegExp(`\\b${WEEKDAY}\\b`, 'g'), build: (m, ref) => (afterLowerCaseWord(m) ? weekday(m[1], m[1], ref, sentenceBefore(m), weekAfter(m)) : undefined), kind: 'weekday' },
  { re: /\b(yesterday|to(?:day|morrow|night))\b/gi, build: (m, ref) => relativeDay(m[1].toLowerCase(), ref) },
  // "last night" and "last week", but not "the last night of the festival" or "in the last year".
  { re: /\b(last|next|this)\s+(week|month|year|night)\b/gi, build: (m, ref) => (notAfterArticle(m) && !afterWeekday(m) ? period(m[1].toLowerCase(), m[2].toLowerCase(), ref) : undefined) },
  { re: /\b(?:in|since|by|until|before|after)\s+((?:19|20)\d{2})\b/g, build: (m) => m[1] },
];

/**
 * `timeZone` is the zone of the story's place (where it was filed, or what it is about): "today" and
 * "on Monday" are that place's days, so a Tokyo story published at 22:30 UTC speaks of the next
 * day's date. Without one, UTC's. `publishedAt` is when the story reached readers (for an embargoed
 * story, its release). `order` says how the story writes numeric dates (see numeric-date-order.ts).
 */
export function findDates(text: string, field: Field, publishedAt?: string, timeZone?: string, order?: DateOrder): DateMatch[] {
  const ref = publishedAt ? referenceDay(publishedAt, timeZone) : INVALID;
  const found: (DateMatch & { kind?: Kind })[] = [];
  for (const { re, build, needs, kind } of PATTERNS) {
    if (needs && !needs.test(text)) continue;
    for (const m of text.matchAll(re)) {
      let start = m.index ?? 0;
      let raw = m[0];
      // Keep the preposition out of the mention; it is context, not the date.
      const lead = /^(?:in|since|by|until|of|on|before|after|late on|early on)\s+/i.exec(raw);
      if (lead && !/^(?:last|next|this)/i.test(raw)) { start += lead[0].length; raw = raw.slice(lead[0].length); }
      if (found.some((f) => start < f.end && start + raw.length > f.start)) continue;
      const name = build(m as RegExpExecArray, isNaN(ref.getTime()) ? INVALID : ref, order);
      if (!name || name.includes('NaN')) continue;
      found.push({ field, start, end: start + raw.length, text: raw, name, kind });
    }
  }
  found.sort((a, b) => a.start - b.start);
  return withoutContradictedWeekdays(found, text);
}

const INVALID = new Date(NaN);

/**
 * "on Monday, Dec. 8": a weekday written next to its date is that date. When the two disagree (Dec. 8,
 * 2026 is a Tuesday) the date is trusted and the weekday dropped, rather than naming two days.
 */
function withoutContradictedWeekdays(found: (DateMatch & { kind?: Kind })[], text: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (let i = 0; i < found.length; i += 1) {
    const match = found[i];
    const next = found[i + 1];
    if (match.kind === 'weekday' && next?.kind === 'day' && /^,?\s+(?:the\s+)?$/.test(text.slice(match.end, next.start))) {
      const written = WEEKDAYS.indexOf(match.text.slice(match.text.lastIndexOf(' ') + 1).toLowerCase());
      if (written !== new Date(`${next.name}T00:00:00Z`).getUTCDay()) continue;
      match.name = next.name;
    }
    out.push(match);
  }
  return out;
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
  if (aheadBefore(before)) return Date.UTC(y, month, dayOfMonth) >= ref.getTime() ? y : y + 1;
  const candidates = [y - 1, y, y + 1];
  return candidates.sort((a, b) => Math.abs(Date.UTC(a, month, dayOfMonth) - ref.getTime()) - Math.abs(Date.UTC(b, month, dayOfMonth) - ref.getTime()))[0];
}

/** The ISO day, or nothing for a day the month does not have ("February 30", "November 31"). */
function iso(year: number, month: number, d: number): string | undefined {
  if (month < 0 || month > 11 || d < 1 || new Date(Date.UTC(year, month, d)).getUTCDate() !== d) return undefined;
  return `${year}-${pad(month + 1)}-${pad(d)}`;
}

function day(monthWord: string, dayText: string, yearText: string | undefined, ref: Date, before?: string): string | undefined {
  const month = monthIndex(monthWord);
  const d = Number(dayText);
  const year = yearText ? Number(yearText) : inferYear(month, d, ref, before);
  return iso(year, month, d);
}

function numeric(first: string, second: string, yearText: string, order: DateOrder | undefined): string | undefined {
  const read = numericMonthDay(Number(first), Number(second), order);
  return read ? iso(Number(yearText), read.month, read.day) : undefined;
}

/** Not part of a longer run of numbers: a version "1.2.2025.4", a reference "10/11/2025/3". */
function standsAlone(m: RegExpExecArray): boolean {
  const start = m.index ?? 0;
  const end = start + m[0].length;
  return !/[-/.]/.test(m.input[start - 1] ?? '') && !/^[-/.]\d/.test(m.input.slice(end, end + 2));
}

function range(m1: string, d1: string, m2: string, d2: string, yearText: string | undefined, ref: Date, before?: string): string | undefined {
  const from = day(m1, d1, yearText, ref, before);
  let to = day(m2, d2, yearText ?? from?.slice(0, 4), ref);
  // "Dec. 29 to Jan. 2": the second date is in the next year.
  if (from && to && to < from && !yearText && monthIndex(m2) < monthIndex(m1)) to = day(m2, d2, String(Number(from.slice(0, 4)) + 1), ref);
  if (!from || !to || to < from) return undefined;
  return `${from}/${to}`;
}

const PREPOSITION_BEFORE_MONTH = /\b([Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Bb]efore|[Aa]fter|[Ff]rom|[Dd]uring|[Tt]hrough|of)\s+(?:(?:early|late)\s+|mid-)?$/;

/**
 * "in March" without a year: the coming March in a sentence about what is to come ("will open in
 * March", the current month included), the last one in a sentence about what happened ("prices rose
 * in March", "since March"), otherwise the nearer. A reporting verb dates only a month close after it
 * ("said in March"), not one in what was said ("said the law takes effect in March").
 */
function monthAlone(m: RegExpExecArray, ref: Date): string | undefined {
  const start = m.index ?? 0;
  const preposition = PREPOSITION_BEFORE_MONTH.exec(m.input.slice(Math.max(0, start - 24), start))?.[1].toLowerCase();
  const monthWord = m[1];
  if (!preposition || (preposition === 'of' && monthWord === 'May')) return undefined; // "the government of May"
  const before = sentenceBefore(m);
  const month = monthIndex(monthWord);
  if (month < 0 || isNaN(ref.getTime())) return undefined;
  const y = ref.getUTCFullYear();
  const now = ref.getUTCMonth();
  const direction = preposition === 'since' ? 'back' : directionBefore(before, ATTRIBUTION_REACH);
  let year: number;
  if (direction === 'ahead') year = month >= now ? y : y + 1;
  else if (direction === 'back') year = month <= now ? y : y - 1;
  else year = month - now > 6 ? y - 1 : month - now <= -6 ? y + 1 : y;
  return `${year}-${pad(month + 1)}`;
}

/**
 * "on Monday" in wire copy is this week's Monday, looking back (past tense dominates), unless the verb
 * governing it speaks of what will happen (see date-tense.ts); "next Monday" looks forward, "last
 * Monday" back. Tomorrow's weekday is read ahead ("talks on Tuesday" in Monday's copy) unless that
 * verb is in the past tense: "battled a blaze on Tuesday" in Monday's copy was six days before, not
 * the day after. "this Friday", "this coming Friday" and "by Friday" are the coming one (a deadline
 * already met, "had been sealed by Friday", looks back).
 */
function weekday(phrase: string, dayName: string, ref: Date, before = '', week?: number): string | undefined {
  const target = WEEKDAYS.indexOf(dayName.toLowerCase());
  const today = ref.getUTCDay();
  // "on Thursday last week": that week's Thursday, Monday to Sunday.
  if (week !== undefined) return shift(ref, -((today + 6) % 7) + 7 * week + ((target + 6) % 7));
  let delta = ((target - today) % 7 + 7) % 7;
  const lead = phrase.slice(0, phrase.length - dayName.length).trim().replace(/\s+/g, ' ').toLowerCase();
  if (lead === 'next' || lead === 'coming' || lead === 'this coming') delta = delta === 0 ? 7 : delta;
  else if (lead === 'last' || lead === 'this past') delta = delta === 0 ? -7 : delta - 7;
  else if (lead === 'this') return shift(ref, delta);
  else if (lead === 'by') delta = pastPerfectBefore(before) && delta > 0 ? delta - 7 : delta;
  // Two days ahead or more, only a future verb keeps the day ahead; tomorrow's weekday stays unless a past verb governs it.
  else if (delta > 1 && !aheadBefore(before)) delta -= 7;
  else if (delta === 1 && directionBefore(before) === 'back') delta -= 7;
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

/** The calendar day (`2026-12-07`) of a time in a zone (UTC without one), as `findDates` reads it. */
export function localDayOf(at: string, timeZone?: string): string | undefined {
  return shift(referenceDay(at, timeZone), 0);
}
