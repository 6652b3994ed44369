import { z } from 'zod';
import { ArticleSchema } from '../article.schema';
import { EnrichmentSchema } from '../enrichment.schema';
import { IndexingSchema } from '../indexing.schema';
import { WeatherSchema } from '../weather.schema';

/** Each stage passes on everything before it and adds its own section. */
export const ArticleReceivedPayloadSchema = z.object({ article: ArticleSchema });
export const ArticleEnrichedPayloadSchema = ArticleReceivedPayloadSchema.extend({ enrichment: EnrichmentSchema });
export const ArticleWeatherAttachedPayloadSchema = ArticleEnrichedPayloadSchema.extend({ weather: WeatherSchema });
export const ArticleIndexedPayloadSchema = ArticleWeatherAttachedPayloadSchema.extend({ indexing: IndexingSchema });

export type ArticleReceivedPayload = z.infer<typeof ArticleReceivedPayloadSchema>;
export type ArticleEnrichedPayload = z.infer<typeof ArticleEnrichedPayloadSchema>;
export type ArticleWeatherAttachedPayload = z.infer<typeof ArticleWeatherAttachedPayloadSchema>;
export type ArticleIndexedPayload = z.infer<typeof ArticleIndexedPayloadSchema>;
