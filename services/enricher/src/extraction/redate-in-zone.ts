import { findDates, localDayOf } from './date-expressions';
import type { LinkedMention } from './entity-linker';
import { DateOrder } from './numeric-date-order';

/**
 * Dates are read first, in the dateline's zone (UTC's without one), because they claim their words
 * before names are looked for; the story's place, whose local day the weather stage gives the story,
 * is known only at the end. When that place's day is another, the date mentions are named again in
 * it (the words they claim do not depend on the day). Undefined when nothing changes.
 */
export function redateInZone(
  linked: LinkedMention[],
  texts: { headline: string; body: string },
  at: { releasedAt?: string; readIn?: string; zone?: string; order?: DateOrder },
): LinkedMention[] | undefined {
  const { releasedAt, readIn, zone, order } = at;
  // The first pass's day is remembered by findDates (its last answer), so it is asked first.
  if (!releasedAt || !zone || zone === readIn || localDayOf(releasedAt, readIn) === localDayOf(releasedAt, zone)) return undefined;
  const names = new Map<string, string>();
  for (const field of ['body', 'headline'] as const) {
    for (const d of findDates(texts[field], field, releasedAt, zone, order)) names.set(`${field}:${d.start}`, d.name);
  }
  return linked.map((m) => {
    const name = m.type === 'date' ? names.get(`${m.field}:${m.start}`) : undefined;
    return name && name !== m.name ? { ...m, name, key: `date:${name}` } : m;
  });
}
