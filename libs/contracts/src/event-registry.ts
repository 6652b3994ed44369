import { z } from 'zod';
import {
  ArticleEnrichedPayloadSchema,
  ArticleIndexedPayloadSchema,
  ArticleReceivedPayloadSchema,
  ArticleWeatherAttachedPayloadSchema,
} from './events/article-events';
import { KnownFields } from './known-fields';
import { TOPICS, TopicName } from './topics';

export interface TopicContract<S extends z.ZodType = z.ZodType> {
  topic: TopicName;
  eventType: string;
  schemaVersion: number;
  payload: S;
}

function contract<S extends z.ZodType>(topic: TopicName, eventType: string, payload: S): TopicContract<S> {
  return { topic, eventType, schemaVersion: 1, payload };
}

/** The single table producers and consumers agree on: which event type and payload each topic carries. */
export const TOPIC_CONTRACTS = {
  [TOPICS.articleReceived]: contract(TOPICS.articleReceived, 'article.received', ArticleReceivedPayloadSchema),
  [TOPICS.articleEnriched]: contract(TOPICS.articleEnriched, 'article.enriched', ArticleEnrichedPayloadSchema),
  [TOPICS.articleWeatherAttached]: contract(
    TOPICS.articleWeatherAttached,
    'article.weather-attached',
    ArticleWeatherAttachedPayloadSchema,
  ),
  [TOPICS.articleIndexed]: contract(TOPICS.articleIndexed, 'article.indexed', ArticleIndexedPayloadSchema),
} as const;

export type TopicContracts = typeof TOPIC_CONTRACTS;
export type PayloadOf<T extends TopicName> = KnownFields<z.infer<TopicContracts[T]['payload']>>;
