import { utcMillis, zonedMillis } from './zone-time';

/** ISO 8601 as wire systems write it: a date, or a date and time with an optional offset. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type IsoReading =
  /**
   * `zoneless`: the text gave no offset, so it was read in the zone given (UTC without one);
   * `dateOnly`: a date without a time, read as the day's first millisecond.
   */
  | { ms: number; zoneless: boolean; dateOnly: boolean }
  | { notIso: true }
  /** ISO in form, but naming no real time: February 30, hour 25, an offset of +25:00. */
  | { impossible: string };

/**
 * Reads ISO 8601 field by field, as ingest takes times and search takes its date parameters, so a
 * client can send back any time it sent in. Date.parse alone reads "1" as 2001 and "07/12/2026" as July, and
 * rolls February 30 over into March without a word. A leap second (:60) is read as :59, and 24:00
 * (ISO's end of a day) as the next midnight. A time without an offset is wall-clock time in
 * `timeZone` when one is given, else UTC.
 */
export function readIso(value: string, timeZone?: string): IsoReading {
  const m = ISO_8601.exec(value.trim());
  if (!m) return { notIso: true };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12) return { impossible: `there is no month ${m[2]}` };
  const days = new Date(utcMillis(year, month + 1, 0)).getUTCDate();
  if (day < 1 || day > days) return { impossible: `${MONTH_NAMES[month - 1]} ${year} has ${days} days` };
  const endOfDay = hour === 24 && minute === 0 && second === 0 && millis === 0;
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 60) return { impossible: `there is no time of day ${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''}` };
  const wall = utcMillis(year, month, day, hour, minute, Math.min(second, 59), millis);
  const offset = m[8];
  const dateOnly = m[4] === undefined;
  if (!offset) return { ms: timeZone ? zonedMillis(wall, timeZone) : wall, zoneless: true, dateOnly };
  if (/^z$/i.test(offset)) return { ms: wall, zoneless: false, dateOnly };
  const [, sign, offsetHours, offsetMinutes = '00'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset) as RegExpExecArray;
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return { impossible: `there is no offset ${offset}` };
  const east = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  return { ms: wall - east * 60_000, zoneless: false, dateOnly };
}
