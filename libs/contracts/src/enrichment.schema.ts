import { z } from 'zod';
import { KnownFields } from './known-fields';

export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'date'] as const;

export const MentionSchema = z.looseObject({
  /** Character offsets into `field`, end exclusive, for highlighting. */
  field: z.enum(['headline', 'body']),
  start: z.number().int().nonnegative().describe('Offset of the mention in its field, in UTF-16 code units as JavaScript counts them (not bytes, not code points)'),
  end: z.number().int().nonnegative().describe('End offset, exclusive, in the same units as start'),
  text: z.string(),
});

export const EntitySchema = z.looseObject({
  /** Stable across articles, e.g. `person:mohammed-vi`, `place:2542997`. */
  id: z.string().min(3).describe('Stable across articles: person:<slug>, organization:<slug>, place:<GeoNames id> (a city), place:country-<iso2> or place:region-<slug> (a whole country or region, e.g. a US state), event:<slug>, date:<name>'),
  type: z.enum(ENTITY_TYPES),
  name: z.string().min(1).describe('Canonical name; for dates an ISO 8601 date (2025-11-24), range (2025-11-24/2025-11-27), month (2025-11) or year (2025), relative ones resolved against the release time (embargoedUntil when later than publishedAt) in the primary location\'s time zone'),
  surfaceForms: z.array(z.string()),
  mentions: z.array(MentionSchema),
  mentionCount: z.number().int().nonnegative(),
  salience: z.number().min(0).max(1).describe('How central the entity is to the article, 0 to 1 (headline, first mentions and count weigh in)'),
  /** People only: titles and honorifics split off the name ("King" of "King Mohammed VI"). */
  titles: z.array(z.string()).optional(),
  /** Only for places: where the gazetteer put it. */
  geo: z
    .looseObject({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      countryCode: z.string().length(2).optional(),
      admin1: z.string().optional(),
      population: z.number().int().nonnegative().optional(),
    })
    .optional(),
});

export const LocationSchema = z.looseObject({
  name: z.string().min(1),
  entityId: z.string().optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  countryCode: z.string().length(2).optional(),
  timezone: z.string().optional().describe('IANA time zone of the location (offline lookup); the weather\'s local days are this zone\'s'),
  confidence: z.number().min(0).max(1).describe('How sure the enricher is that the story is about this place, 0 to 1 (a dateline 0.95)'),
  /** Why this place was chosen, e.g. `dateline` or `most-salient-place`. */
  reason: z.string().describe('Why this place: dateline or most-salient-place'),
});

export const EnrichmentSchema = z.looseObject({
  status: z.enum(['enriched', 'skipped']).describe('skipped: the text is in a language the enricher does not read (entities are then empty, but the dateline may still give primaryLocation), or its extraction ran past the enricher\'s deadline (reason extraction-timeout: no entities, no primaryLocation), or it is a kill (reason canceled: no entities, no primaryLocation)'),
  /** Set when status is `skipped`, e.g. `language-not-supported:fr` or `extraction-timeout`. */
  reason: z.string().optional().describe('Set when skipped, e.g. language-not-supported:fr, extraction-timeout or canceled'),
  language: z.string(),
  entities: z.array(EntitySchema),
  primaryLocation: LocationSchema.nullable(),
  enricherVersion: z.string(),
  enrichedAt: z.iso.datetime({ offset: true }),
});

export type Mention = KnownFields<z.infer<typeof MentionSchema>>;
export type Entity = KnownFields<z.infer<typeof EntitySchema>>;
export type EntityType = Entity['type'];
export type Location = KnownFields<z.infer<typeof LocationSchema>>;
export type Enrichment = KnownFields<z.infer<typeof EnrichmentSchema>>;
