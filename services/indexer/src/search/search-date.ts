/**
 * ISO 8601 as ingest reads it (services/ingest timestamps.ts), so a client can send back any time it
 * sent in: a date, or a date and time (`T`, `t` or a space between; seconds, and a fraction of up to
 * nine digits with `.` or `,`, optional) with `Z`, `±HH:MM`, `±HHMM`, `±HH` or no offset (UTC). The
 * expression is linear: no nested quantifiers.
 */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export interface SearchInstant {
  /** Epoch ms of the time given; of the day's first millisecond (UTC) for a date. */
  ms: number;
  /** A date without a time: a whole UTC day, which `to` reads as through its end. */
  dateOnly: boolean;
}

/**
 * Undefined for anything else, and for a time that names no real instant: 2026-02-30, 25:00, :61,
 * an offset past ±23:59 (Date.parse rolls the impossible dates over to the next month). `24:00` is
 * the next midnight (ISO 8601's end of day) and a leap second `:60` reads as `:59`, as at ingest.
 */
export function parseSearchInstant(value: string): SearchInstant | undefined {
  const m = ISO_8601.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (m[4] === undefined) return { ms: date.getTime(), dateOnly: true };
  const [hour, minute, second] = [m[4], m[5], m[6] ?? '0'].map(Number);
  const fraction = m[7] ?? '';
  const endOfDay = hour === 24 && minute === 0 && second === 0 && /^0*$/.test(fraction);
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 60) return undefined;
  date.setUTCHours(hour, minute, Math.min(second, 59), Number(fraction.slice(0, 3).padEnd(3, '0')));
  const offset = offsetMinutes(m[8]);
  if (offset === undefined) return undefined;
  const ms = date.getTime() - offset * 60_000;
  return Number.isFinite(ms) ? { ms, dateOnly: false } : undefined;
}

/** `Z` or none: 0. `+05`, `+0530`, `+05:30`: minutes east of UTC. */
function offsetMinutes(offset: string | undefined): number | undefined {
  if (offset === undefined || /^z$/i.test(offset)) return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
