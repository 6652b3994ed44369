import { ENTITY_TYPES, WEATHER_STATUSES } from '@newsflow/contracts';
import { z } from 'zod';
import { InvalidParameterError } from '../http/invalid-parameter.error';
import { parseSearchInstant } from './search-date';

/**
 * Every search parameter is parsed here into plain strings and numbers; nothing a client sends is
 * passed on as an object, so no input can become a MongoDB operator (search does not query MongoDB
 * at all, see search-index.ts). Unknown parameters, repeated parameters and bracket syntax
 * (`entity[$gt]=`) are refused. The regular expressions below are linear (no nested quantifiers).
 */
const text = (max: number) => z.string().trim().min(1).max(max);
/** Ids are lower case ("person:corine-mauch"); a name without a colon is matched folded anyway. */
const subject = text(200).transform((value) => (value.includes(':') ? value.toLowerCase() : value));
/** The forms every date parameter takes (search-date.ts), for the OpenAPI descriptions. */
export const DATE_FORMS = 'An ISO 8601 date (2025-11-24, a UTC day) or date-time (2025-11-24T09:00:00Z; with an offset +05:30, +0530 or +05, its + written %2B in a URL; without one, UTC)';
const DATE_HELP = 'expected an ISO 8601 date (2025-11-24, a UTC day) or date-time (2025-11-24T09:00:00Z, or with an offset +05:30, +0530 or +05, its + written %2B in a URL; without an offset, UTC)';
const DAY_MS = 86_400_000;

/**
 * Every date parameter reads what ingest reads, and every one it refuses gets the same help (the
 * parameter's name is put in front by parseSearchParams). `to=2025-10-31` means through that day
 * (UTC): a bare date as its last millisecond, not its first.
 */
const dateParameter = (bound: 'start' | 'end') =>
  z.string().max(64, DATE_HELP).transform((value, ctx) => {
    const read = parseSearchInstant(value);
    if (read) return bound === 'end' && read.dateOnly ? read.ms + DAY_MS - 1 : read.ms;
    ctx.addIssue({ code: 'custom', message: `${DATE_HELP}; got ${JSON.stringify(value)}` });
    return z.NEVER;
  });
const instant = dateParameter('start');
const until = dateParameter('end');

export const SearchParamsSchema = z.strictObject({
  q: z.string().max(500).optional(),
  entity: subject.optional(),
  entityType: z.enum(ENTITY_TYPES).optional(),
  place: subject.optional(),
  near: z
    .string()
    .max(64)
    .regex(/^\s*-?\d{1,3}(\.\d{1,12})?\s*,\s*-?\d{1,3}(\.\d{1,12})?\s*$/, 'expected "lat,lon" in decimal degrees')
    .transform((value) => value.split(',').map(Number))
    .refine(([lat, lon]) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180, 'latitude must be within ±90 and longitude within ±180')
    .transform(([lat, lon]) => ({ lat, lon }))
    .optional(),
  radiusKm: z.coerce.number().positive().max(20_040).optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code').transform((c) => c.toUpperCase()).optional(),
  from: instant.optional(),
  to: until.optional(),
  /** Indexed at or after: a client polling for what is new or changed (corrections, backfilled weather, released embargoes). */
  indexedSince: instant.optional(),
  source: text(200).optional(),
  lang: z.string().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, 'expected a BCP 47 language tag').transform((l) => l.toLowerCase()).optional(),
  weather: z.enum(WEATHER_STATUSES).optional(),
  cluster: text(200).optional(),
  /** One hit per story cluster (near-duplicates from several sources), the best ranked. */
  collapse: z.enum(['cluster']).optional(),
  sort: z.enum(['relevance', 'time']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(1_000).regex(/^[A-Za-z0-9_-]+$/, 'not a cursor this API returned').optional(),
  /** Marked passages per hit (reads each hit's document from the store, so off unless asked for). */
  highlight: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});

export type SearchParams = Omit<z.output<typeof SearchParamsSchema>, 'sort' | 'radiusKm'> & {
  sort: 'relevance' | 'time';
  radiusKm: number;
};

export const DEFAULT_RADIUS_KM = 25;

/** A highlighted hit costs a store read and a pass over up to 20,000 characters: 100 of them took ~1 s. */
export const MAX_HIGHLIGHTED_LIMIT = 20;

export function parseSearchParams(query: Record<string, unknown>): SearchParams {
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string') throw new InvalidParameterError(name, `${name} must be given once, as a plain value`);
  }
  const parsed = SearchParamsSchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.code === 'unrecognized_keys') {
      throw new InvalidParameterError(issue.keys[0], `unknown parameter ${JSON.stringify(issue.keys[0].slice(0, 100))}`);
    }
    const name = String(issue.path[0] ?? 'query');
    throw new InvalidParameterError(name, `${name}: ${issue.message}`);
  }
  const { sort, radiusKm, q: rawQuery, ...rest } = parsed.data;
  const q = rawQuery?.trim() || undefined;
  if (radiusKm !== undefined && !rest.near) throw new InvalidParameterError('radiusKm', 'radiusKm needs near=lat,lon');
  if (rest.from !== undefined && rest.to !== undefined && rest.from > rest.to) throw new InvalidParameterError('to', 'to is before from');
  if (sort === 'relevance' && !q) throw new InvalidParameterError('sort', 'sort=relevance needs q');
  if (rest.highlight && !q) throw new InvalidParameterError('highlight', 'highlight=true needs q: highlights mark the words of q');
  if (rest.highlight && rest.limit > MAX_HIGHLIGHTED_LIMIT) {
    throw new InvalidParameterError('limit', `with highlight=true, limit is at most ${MAX_HIGHLIGHTED_LIMIT}: each hit's text is read and marked`);
  }
  return { ...rest, ...(q ? { q } : {}), sort: sort ?? (q ? 'relevance' : 'time'), radiusKm: radiusKm ?? DEFAULT_RADIUS_KM };
}
