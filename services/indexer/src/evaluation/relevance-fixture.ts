import { ArticleWeatherAttachedPayload, Entity } from '@newsflow/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** services/indexer/eval/fixtures, from src/evaluation and from dist/evaluation alike. */
export const FIXTURE_DIR = join(__dirname, '..', '..', 'eval', 'fixtures');

/** One line of articles.jsonl, written by eval/generate-corpus.js. `label` is topic/event; search never sees it. */
export interface FixtureArticle {
  id: string;
  label: string;
  source: string;
  publishedAt: string;
  headline: string;
  body: string;
  entities: string[];
  primaryLocation: string;
}

export interface JudgedQuery {
  id: string;
  /** Query-string parameters exactly as a client would send them to GET /v1/search. */
  params: Record<string, string>;
  about: string;
  relevant: string[];
}

export interface RelevanceFixture {
  payloads: ArticleWeatherAttachedPayload[];
  queries: JudgedQuery[];
}

type FixtureEntity = Pick<Entity, 'id' | 'type' | 'name' | 'surfaceForms' | 'geo'>;

/** The corpus as the indexer would receive it from the weather topic: enriched, entities resolved, no weather. */
export function loadRelevanceFixture(dir = FIXTURE_DIR): RelevanceFixture {
  const entities: Record<string, FixtureEntity> = JSON.parse(readFileSync(join(dir, 'entities.json'), 'utf8'));
  const lines = readFileSync(join(dir, 'articles.jsonl'), 'utf8').split('\n').filter(Boolean);
  const payloads = lines.map((line) => toPayload(JSON.parse(line) as FixtureArticle, entities));
  const { queries } = JSON.parse(readFileSync(join(dir, 'judgments.json'), 'utf8')) as { queries: JudgedQuery[] };
  return { payloads, queries };
}

function toPayload(a: FixtureArticle, entities: Record<string, FixtureEntity>): ArticleWeatherAttachedPayload {
  const resolved = a.entities.map((id) => ({ ...entities[id], mentions: [], mentionCount: 1, salience: 0.5 }));
  const place = entities[a.primaryLocation];
  const geo = place.geo ?? { lat: 0, lon: 0 };
  return {
    article: {
      id: a.id, version: 1, source: { id: a.source }, sourceItemId: a.id, headline: a.headline, body: a.body, language: 'en',
      publishedAt: a.publishedAt, receivedAt: a.publishedAt, contentHash: a.id,
    },
    enrichment: {
      status: 'enriched', language: 'en', entities: resolved, enricherVersion: 'eval', enrichedAt: a.publishedAt,
      primaryLocation: { name: place.name, entityId: place.id, lat: geo.lat, lon: geo.lon, countryCode: geo.countryCode, confidence: 0.9, reason: 'dateline' },
    },
    weather: { status: 'no-location' },
  };
}
