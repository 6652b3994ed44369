/**
 * Topic names are versioned: a breaking change to a payload gets a new topic (`.v2`) so existing
 * consumers keep reading the shape they understand while they migrate.
 */
export const TOPICS = {
  /** Canonical article accepted by ingest. Key: article id. */
  articleReceived: 'news.articles.received.v1',
  /** Article plus entities and primary location. Key: article id. */
  articleEnriched: 'news.articles.enriched.v1',
  /** Article plus enrichment plus weather. Key: article id. */
  articleWeatherAttached: 'news.articles.weather.v1',
  /** The finished article, stored in the index. Downstream consumers subscribe here. Key: article id. */
  articleIndexed: 'news.articles.indexed.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const ALL_TOPICS: readonly TopicName[] = Object.values(TOPICS);

export const PIPELINE_STAGES = ['ingest', 'enricher', 'weather', 'indexer'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/**
 * Where a stage parks messages it can never process (contract violations, permanent errors), with
 * the original key, value and headers plus `dlq-*` headers describing the failure.
 */
export function deadLetterTopic(stage: PipelineStage): string {
  return `news.deadletter.${stage}.v1`;
}

export function isDeadLetterTopic(topic: string): boolean {
  return PIPELINE_STAGES.some((stage) => deadLetterTopic(stage) === topic);
}
