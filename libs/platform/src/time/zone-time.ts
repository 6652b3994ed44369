/**
 * Wall-clock times in an IANA zone, through Intl (the zone's own rules, DST included), never a fixed
 * offset: "09:00 in New York" is 14:00Z in winter and 13:00Z in summer.
 */

const DAY_MS = 86_400_000;
/** 400 Gregorian years are exactly this many days: shifting by them keeps Date.UTC off its 0–99 → 1900s rule. */
const FOUR_CENTURIES_MS = 146_097 * DAY_MS;

/** Milliseconds of a UTC (or wall-clock) date and time, for any four-digit year. */
export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  return Date.UTC(year + 400, month - 1, day, hour, minute, second, ms) - FOUR_CENTURIES_MS;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `name` is an IANA zone Intl knows (Europe/Paris, America/Argentina/Buenos_Aires, UTC). Intl
 * (ICU) also takes abbreviations, "IST" as Asia/Calcutta and "PST" as Los Angeles with its DST, which
 * is not what a desk writing PST means, and offsets ("+05:30"): neither is a zone's name.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+$/.test(name) && !/^(?:UTC|GMT)$/i.test(name)) return false;
  try {
    formatterOf(name);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC in force in `timeZone` at the instant `ms`. */
function offsetMinutesAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterOf(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = utcMillis(year, Number(parts.month), Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time (`wall`: its fields as if UTC) names in `timeZone`. As Temporal's
 * "compatible": a time the clocks went back over (it happens twice) is the earlier; a time skipped when
 * they went forward is read with the offset before the change (02:30 on a spring-forward night is 03:30).
 */
export function zonedMillis(wall: number, timeZone: string): number {
  const before = offsetMinutesAt(wall - DAY_MS, timeZone);
  const after = offsetMinutesAt(wall + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((ms) => ms + offsetMinutesAt(ms, timeZone) * 60_000 === wall);
  return candidates.length > 0 ? Math.min(...candidates) : wall - before * 60_000;
}
