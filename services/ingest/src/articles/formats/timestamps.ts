import { InputProblem } from './input-problem';

const EARLIEST = Date.UTC(1900, 0, 1);
/** Clocks differ; a day ahead is tolerated, anything later is a broken timestamp. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

/** ISO 8601 as wire systems write it: a date, or a date and time with an optional offset. */
const ISO_8601 = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Date.parse alone reads "1" as 2001 and "07/12/2026" as July: only ISO 8601 is taken, and a time
 * without an offset is UTC, whatever the server's own zone.
 */
function isoMillis(value: string): number {
  const m = ISO_8601.exec(value.trim());
  if (!m) return Number.NaN;
  const [, date, time, offset] = m;
  if (!time) return Date.parse(date);
  const zone = !offset ? 'Z' : /^z$/i.test(offset) ? 'Z' : offset.length === 3 ? `${offset}:00` : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return Date.parse(`${date}T${time.replace(',', '.')}${zone}`);
}

export function timestamp(value: string | undefined, field: string, now: Date): string | undefined {
  if (value === undefined) return undefined;
  const ms = isoMillis(value);
  if (Number.isNaN(ms)) throw new InputProblem(422, 'invalid-timestamp', `${field} is not an ISO 8601 date-time: ${value.slice(0, 60)}`, field);
  if (ms < EARLIEST || ms > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new InputProblem(422, 'timestamp-out-of-range', `${field} must lie between 1900 and tomorrow, got ${value}`, field);
  }
  return new Date(ms).toISOString();
}

/** An embargo may lie years ahead, but not before 1900. */
export function embargoOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = isoMillis(value);
  if (Number.isNaN(ms) || ms < EARLIEST) throw new InputProblem(422, 'invalid-timestamp', `embargoedUntil is not an ISO 8601 date-time after 1900: ${value.slice(0, 60)}`, 'embargoedUntil');
  return new Date(ms).toISOString();
}
