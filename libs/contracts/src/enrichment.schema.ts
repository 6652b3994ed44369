import { z } from 'zod';

export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'date'] as const;

export const MentionSchema = z.object({
  /** Character offsets into `field`, end exclusive, for highlighting. */
  field: z.enum(['headline', 'body']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

export const EntitySchema = z.object({
  /** Stable across articles, e.g. `person:mohammed-vi`, `place:2542997`. */
  id: z.string().min(3),
  type: z.enum(ENTITY_TYPES),
  name: z.string().min(1),
  surfaceForms: z.array(z.string()),
  mentions: z.array(MentionSchema),
  mentionCount: z.number().int().nonnegative(),
  salience: z.number().min(0).max(1),
  /** People only: titles and honorifics split off the name ("King" of "King Mohammed VI"). */
  titles: z.array(z.string()).optional(),
  /** Only for places: where the gazetteer put it. */
  geo: z
    .object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      countryCode: z.string().length(2).optional(),
      admin1: z.string().optional(),
      population: z.number().int().nonnegative().optional(),
    })
    .optional(),
});

export const LocationSchema = z.object({
  name: z.string().min(1),
  entityId: z.string().optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  countryCode: z.string().length(2).optional(),
  timezone: z.string().optional(),
  confidence: z.number().min(0).max(1),
  /** Why this place was chosen, e.g. `dateline` or `most-salient-place`. */
  reason: z.string(),
});

export const EnrichmentSchema = z.object({
  status: z.enum(['enriched', 'skipped']),
  /** Set when status is `skipped`, e.g. `language-not-supported:fr`. */
  reason: z.string().optional(),
  language: z.string(),
  entities: z.array(EntitySchema),
  primaryLocation: LocationSchema.nullable(),
  enricherVersion: z.string(),
  enrichedAt: z.iso.datetime({ offset: true }),
});

export type Mention = z.infer<typeof MentionSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type EntityType = Entity['type'];
export type Location = z.infer<typeof LocationSchema>;
export type Enrichment = z.infer<typeof EnrichmentSchema>;
