import { z } from 'zod';
import { ArticleSchema } from '../article.schema';
import { KnownFields } from '../known-fields';
import { EnrichmentSchema } from '../enrichment.schema';
import { IndexingSchema } from '../indexing.schema';
import { WeatherSchema } from '../weather.schema';

/**
 * Each stage passes on everything before it and adds its own section. Loose: a section this release
 * does not know (a later release's stage) is passed on as it came.
 */
export const ArticleReceivedPayloadSchema = z.looseObject({ article: ArticleSchema });
export const ArticleEnrichedPayloadSchema = ArticleReceivedPayloadSchema.extend({ enrichment: EnrichmentSchema });
export const ArticleWeatherAttachedPayloadSchema = ArticleEnrichedPayloadSchema.extend({ weather: WeatherSchema });
export const ArticleIndexedPayloadSchema = ArticleWeatherAttachedPayloadSchema.extend({ indexing: IndexingSchema });

export type ArticleReceivedPayload = KnownFields<z.infer<typeof ArticleReceivedPayloadSchema>>;
export type ArticleEnrichedPayload = KnownFields<z.infer<typeof ArticleEnrichedPayloadSchema>>;
export type ArticleWeatherAttachedPayload = KnownFields<z.infer<typeof ArticleWeatherAttachedPayloadSchema>>;
export type ArticleIndexedPayload = KnownFields<z.infer<typeof ArticleIndexedPayloadSchema>>;
