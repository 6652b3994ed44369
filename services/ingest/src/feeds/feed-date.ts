import { readIso, zonedMillis } from '@newsflow/platform';

/**
 * Feed dates. RSS's pubDate is RFC 822 (as RFC 2822 amended it), but real feeds write it in their own
 * language ("Seg, 24 Set 2018 19:42:40 -0300", UOL), with full month names, two-digit years or a zone
 * abbreviation; Atom and Dublin Core (dc:date) write ISO 8601. Each is read here into ISO 8601 UTC.
 */

/** Month names, full, in the languages whose feeds we see most (en, pt, es, fr, de, it, nl), accents folded. */
const MONTHS: readonly string[][] = [
  ['january', 'janeiro', 'enero', 'janvier', 'januar', 'janner', 'gennaio', 'januari'],
  ['february', 'fevereiro', 'febrero', 'fevrier', 'februar', 'febbraio', 'februari'],
  ['march', 'marco', 'marzo', 'mars', 'marz', 'maerz', 'maart', 'mrt'],
  ['april', 'abril', 'avril', 'aprile'],
  ['may', 'maio', 'mayo', 'mai', 'maggio', 'mei'],
  ['june', 'junho', 'junio', 'juin', 'juni', 'giugno'],
  ['july', 'julho', 'julio', 'juillet', 'juli', 'luglio'],
  ['august', 'agosto', 'aout', 'augustus'],
  ['september', 'setembro', 'septiembre', 'setiembre', 'septembre', 'settembre'],
  ['october', 'outubro', 'octubre', 'octobre', 'oktober', 'ottobre'],
  ['november', 'novembro', 'noviembre', 'novembre'],
  ['december', 'dezembro', 'diciembre', 'decembre', 'dezember', 'dicembre'],
];

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * 1–12 for a month name or an abbreviation of one (at least three letters, "Set", "Okt", "févr."), when
 * it can only be that month ("jui" could be juin or juillet, and is not read).
 */
export function monthOf(word: string): number | undefined {
  const name = fold(word.replace(/\.$/, ''));
  if (name.length < 3) return undefined;
  const months = MONTHS.map((names, i) => (names.some((full) => full.startsWith(name)) ? i + 1 : 0)).filter((m) => m > 0);
  return months.length === 1 ? months[0] : undefined;
}

/**
 * Zone abbreviations in hours east of UTC: RFC 822's, and those news feeds write besides. An
 * abbreviation names one offset, so the US's ET/CT/MT/PT are their standard time (as RFC 822's EST,
 * CST… are), and IST is India's (+05:30), the one news feeds mean. Any other alphabetic zone, and
 * the ambiguous AST (Atlantic or Arabia), cannot be read: the item gets its receive time, never a
 * silent UTC. Military letters are -0000 ("UTC, local zone unknown"), as RFC 2822 (4.3) says.
 */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0,
  EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7, AKST: -9, AKDT: -8, HST: -10,
  ET: -5, CT: -6, MT: -7, PT: -8, NST: -3.5, NDT: -2.5,
  BST: 1, CET: 1, MEZ: 1, WEST: 1, CEST: 2, MESZ: 2, EET: 2, EEST: 3, MSK: 3, TRT: 3,
  WAT: 1, CAT: 2, SAST: 2, EAT: 3, IRST: 3.5, GST: 4, PKT: 5, IST: 5.5, NPT: 5.75,
  ICT: 7, WIB: 7, HKT: 8, SGT: 8, PHT: 8, MYT: 8, AWST: 8, WITA: 8, WIT: 9, JST: 9, KST: 9,
  ACST: 9.5, ACDT: 10.5, AEST: 10, AEDT: 11, NZST: 12, NZDT: 13,
  BRT: -3, BRST: -2, ART: -3,
};
const MILITARY = /^[A-IK-Y]$/i;

/** Minutes east of UTC; null for a date without a zone; undefined for a zone that cannot be read. */
function zoneMinutes(zone: string | undefined): number | null | undefined {
  if (!zone) return null;
  // +0530, +05:30, +05; GMT+8, UTC-03:00, GMT+0530.
  const numeric = /^(?:(?:GMT|UTC|UT)([+-])(\d{1,2})|([+-])(\d{2}))(?::?(\d{2}))?$/i.exec(zone);
  if (numeric) {
    const [, prefixedSign, prefixedHours, sign = prefixedSign, hours = prefixedHours, minutes = '00'] = numeric;
    if (Number(hours) > 23 || Number(minutes) > 59) return undefined;
    return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  }
  const name = zone.toUpperCase();
  if (Object.hasOwn(ZONES, name)) return ZONES[name] * 60;
  return MILITARY.test(name) ? 0 : undefined;
}

const WEEKDAY = String.raw`(?:[\p{L}.]+(?:,\s*|\s+))?`;
const TIME = String.raw`(\d{1,2}):?(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?`;
const ZONE = String.raw`(?:\s*([+-]\d{2}(?::?\d{2})?|(?:GMT|UTC|UT)[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5}))?`;
/** [weekday[,]] day[.] month[.][,] year time [zone]: RFC 822. The weekday is not checked, feeds get it wrong. */
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})\.?\s+(\p{L}+\.?),?\s+(\d{4}|\d{2}),?\s+(?:\p{L}{1,2}\s+)?${TIME}${ZONE}$`, 'iu');
/** [weekday,] month day, year time [zone]: not RFC 822, but what JavaScript's Date.parse read before ("January 31, 2018 07:26 GMT"). */
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}(\p{L}+\.?)\s+(\d{1,2}),?\s+(\d{4}),?\s+(?:\p{L}{1,2}\s+)?${TIME}${ZONE}$`, 'iu');

/**
 * An RFC 822 date, in any of the languages above, as milliseconds; NaN when it is not one. One
 * without a zone is wall-clock time in `timeZone` (the source's), else UTC.
 */
export function rfc822Millis(value: string, timeZone?: string): number {
  const text = value.replace(/\s*\([^)]*\)\s*$/, '').replace(/\s+/g, ' ').trim();
  const dayFirst = DAY_FIRST.exec(text);
  const monthFirst = dayFirst ? null : MONTH_FIRST.exec(text);
  const parts = dayFirst ? dayFirst.slice(1) : monthFirst ? [monthFirst[2], monthFirst[1], ...monthFirst.slice(3)] : undefined;
  if (!parts) return Number.NaN;
  const [dayText, monthText, yearText, hourText, minuteText, secondText, meridiem, zone] = parts;
  const month = monthOf(monthText);
  const offset = zoneMinutes(zone);
  if (month === undefined || offset === undefined) return Number.NaN;
  // Two-digit years as RFC 2822 reads them: 00–49 are 2000–2049, 50–99 are 1950–1999.
  const year = yearText.length === 2 ? (Number(yearText) < 50 ? 2000 : 1900) + Number(yearText) : Number(yearText);
  const [day, minute] = [Number(dayText), Number(minuteText)];
  let hour = Number(hourText);
  if (meridiem) {
    if (hour < 1 || hour > 12) return Number.NaN;
    hour = (hour % 12) + (/p/i.test(meridiem) ? 12 : 0);
  }
  const second = Math.min(Number(secondText ?? 0), 59);
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate() || hour > 23 || minute > 59 || Number(secondText ?? 0) > 60) return Number.NaN;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (offset === null) return timeZone ? zonedMillis(wall, timeZone) : wall;
  return wall - offset * 60_000;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?/;
const JS_DATE = /^[A-Za-z]{3} [A-Za-z]{3} \d{1,2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-](?:0\d|1[0-4])[0-5]\d\b/;

/**
 * A feed date as ISO 8601 UTC, or undefined when it cannot be read (an unknown zone, February 30):
 * the item then keeps the time it was received (its publishedAt equals its receivedAt), which beats
 * losing the story over its date. A date without a zone is wall-clock time in `timeZone`, the
 * source's, else UTC, as everywhere in ingest.
 */
export function feedDate(value: string | undefined, timeZone?: string): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let ms: number;
  if (ISO_DATE.test(text)) {
    // Feeds write a space before the offset ("2025-11-24 10:30:00 +01:00") and fractions past nine digits.
    const iso = text.replace(/\s+(?=(?:Z|[+-]\d{2}(?::?\d{2})?)$)/i, '').replace(/([.,]\d{9})\d+/, '$1');
    const reading = readIso(iso, timeZone);
    ms = 'ms' in reading ? reading.ms : Number.NaN;
  } else {
    ms = rfc822Millis(text, timeZone);
    // JavaScript's own Date#toString ("Mon Sep 24 2018 19:42:40 GMT-0300 (…)"), which some generators print.
    if (Number.isNaN(ms) && JS_DATE.test(text)) ms = Date.parse(text);
  }
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
