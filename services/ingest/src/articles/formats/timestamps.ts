import { InputProblem } from './input-problem';
import { readIso } from '@newsflow/platform';

const EARLIEST = Date.UTC(1900, 0, 1);
/** Clocks differ by seconds, a badly set one by minutes; a story stamped later than this is not from now. */
export const FUTURE_TOLERANCE_MS = 15 * 60 * 1000;

export interface TimeContext {
  now: Date;
  /** The source's IANA zone: a time without an offset is wall-clock time there (UTC without one). */
  timeZone?: string;
}

/**
 * An ISO 8601 time as milliseconds: refused (422) when it is no ISO 8601 (`invalid-timestamp`) or
 * names no real date or time (`invalid-date`: February 30, 25:00).
 */
export function isoTime(value: string, field: string, timeZone?: string): { ms: number; zoneless: boolean } {
  const reading = readIso(value, timeZone);
  if ('notIso' in reading) throw new InputProblem(422, 'invalid-timestamp', `${field} is not an ISO 8601 date-time: ${value.slice(0, 60)}`, field);
  if ('impossible' in reading) throw new InputProblem(422, 'invalid-date', `${field} ${value.slice(0, 60)} is no real date and time: ${reading.impossible}`, field);
  return reading;
}

/** A document's own time (first created, version): from 1900 to a few minutes ahead of the server's clock. */
export function timestamp(value: string | undefined, field: string, context: TimeContext): string | undefined {
  if (value === undefined) return undefined;
  const { ms } = isoTime(value, field, context.timeZone);
  if (ms < EARLIEST) throw new InputProblem(422, 'timestamp-out-of-range', `${field} must not lie before 1900, got ${value.slice(0, 60)}`, field);
  if (ms > context.now.getTime() + FUTURE_TOLERANCE_MS) {
    const read = new Date(ms).toISOString();
    throw new InputProblem(422, 'timestamp-in-future',
      `${field} ${value.slice(0, 60)}${read === value ? '' : ` (read as ${read})`} lies more than ${FUTURE_TOLERANCE_MS / 60_000} minutes after the server's time `
      + `${context.now.toISOString()}: send the time the story was written, with its UTC offset`, field);
  }
  return new Date(ms).toISOString();
}

/**
 * An embargo may lie years ahead, but not before 1900. One without an offset is read in the source's
 * zone; without a zone it is refused: read in the wrong zone, an embargo lifts hours early.
 */
export function embargoOf(value: string | undefined, timeZone?: string, field = 'embargoedUntil'): string | undefined {
  if (value === undefined) return undefined;
  const { ms, zoneless } = isoTime(value, field, timeZone);
  if (zoneless && !timeZone) throw embargoNeedsOffset(value, field);
  if (ms < EARLIEST) throw new InputProblem(422, 'invalid-timestamp', `${field} is not an ISO 8601 date-time after 1900: ${value.slice(0, 60)}`, field);
  return new Date(ms).toISOString();
}

export function embargoNeedsOffset(value: string, field: string): InputProblem {
  return new InputProblem(422, 'embargo-needs-offset',
    `${field} ${value.slice(0, 60)} has no UTC offset, and an embargo read in the wrong zone lifts hours early: send it with its offset `
    + '(2026-12-07T18:00:00-05:00, or Z for UTC), or have the operator set the source\'s timeZone (PATCH /v1/admin/sources/<id> {"timeZone": "America/New_York"})', field);
}

/** An expiry, read like any document time (a time without an offset in the source's zone, else UTC). */
export function expiryOf(value: string | undefined, timeZone?: string): string | undefined {
  if (value === undefined) return undefined;
  const { ms } = isoTime(value, 'expiresAt', timeZone);
  return new Date(Math.max(ms, EARLIEST)).toISOString();
}
