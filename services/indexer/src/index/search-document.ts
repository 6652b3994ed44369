import { ArticleWeatherAttachedPayload } from '@newsflow/contracts';

/** One per article: the latest version, with the structured fields that filters run on. */
export interface SearchDocument {
  _id: string;
  version: number;
  headline: string;
  summary?: string;
  /**
   * Written by versions before the body was kept only in `document.article`; still read there
   * (INDEXABLE_PROJECTION leaves it out), never written now.
   */
  body?: string;
  language: string;
  sourceId: string;
  publishedAt: Date;
  entityIds: string[];
  entityTypes: string[];
  countryCodes: string[];
  primaryLocation?: { name: string; lat: number; lon: number };
  weatherStatus: string;
  /**
   * The weather's `backfilledAt`, beside it so the same-version guards read it without the article:
   * the version republished with weather it lacked, or refreshed at its embargo's end.
   */
  weatherBackfilledAt?: Date;
  /** The complete article as published on the final topic, so a read needs no other store. */
  document: ArticleWeatherAttachedPayload;
  indexedAt: Date;
}

type Entity = ArticleWeatherAttachedPayload['enrichment']['entities'][number];

/**
 * What the in-memory index reads of a search document (see `toIndexedArticle`): the body inside
 * `document`, no HTML, no weather, no entity mentions. A search document is one.
 */
export type IndexableDocument = Omit<SearchDocument, 'document' | 'body'> & {
  document: {
    article: Pick<ArticleWeatherAttachedPayload['article'], 'storyClusterId' | 'body' | 'pubStatus' | 'embargoedUntil' | 'expiresAt'>;
    enrichment: Pick<ArticleWeatherAttachedPayload['enrichment'], 'primaryLocation'> & { entities: Array<Omit<Entity, 'mentions'>> };
  };
};

/**
 * Leaves out what an indexable document does not need: about half of a stored document, which the
 * start-up load would otherwise transfer, decode and collect (`body`: older documents' second copy).
 */
export const INDEXABLE_PROJECTION = {
  body: 0,
  'document.article.bodyHtml': 0,
  'document.weather': 0,
  'document.enrichment.entities.mentions': 0,
} as const;

export function toSearchDocument(payload: ArticleWeatherAttachedPayload, indexedAt: Date): SearchDocument {
  const { article, enrichment, weather } = payload;
  const place = enrichment.primaryLocation;
  const countries = enrichment.entities.map((e) => e.geo?.countryCode).filter((c): c is string => Boolean(c));
  return {
    _id: article.id,
    version: article.version,
    headline: article.headline,
    ...(article.summary ? { summary: article.summary } : {}),
    language: article.language,
    sourceId: article.source.id,
    publishedAt: new Date(article.publishedAt),
    entityIds: [...new Set(enrichment.entities.map((e) => e.id))],
    entityTypes: [...new Set(enrichment.entities.map((e) => e.type))],
    countryCodes: [...new Set(countries)],
    ...(place ? { primaryLocation: { name: place.name, lat: place.lat, lon: place.lon } } : {}),
    weatherStatus: weather.status,
    ...(weather.backfilledAt ? { weatherBackfilledAt: new Date(weather.backfilledAt) } : {}),
    document: payload,
    indexedAt,
  };
}
