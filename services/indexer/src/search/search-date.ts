import { readIso } from '@newsflow/platform';

export interface SearchInstant {
  /** Epoch ms of the time given; of the day's first millisecond (UTC) for a date. */
  ms: number;
  /** A date without a time: a whole UTC day, which `to` reads as through its end. */
  dateOnly: boolean;
}

/**
 * ISO 8601 as ingest reads it (readIso in @newsflow/platform), so a client can send back any time it
 * sent in: a date, or a date and time with `Z`, `±HH:MM`, `±HHMM`, `±HH` or no offset (UTC).
 * Undefined for anything else, and for a time that names no real instant (2026-02-30, 25:00, an
 * offset past ±23:59); `24:00` is the next midnight and a leap second `:60` reads as `:59`.
 */
export function parseSearchInstant(value: string): SearchInstant | undefined {
  const reading = readIso(value);
  return 'ms' in reading && Number.isFinite(reading.ms) ? { ms: reading.ms, dateOnly: reading.dateOnly } : undefined;
}
