import { Injectable } from '@nestjs/common';
import { Article, Enrichment } from '@newsflow/contracts';

/** Languages the extractor has rules for; others pass through with empty entities and the reason. */
const SUPPORTED_LANGUAGES = new Set(['en']);

/**
 * Walking-skeleton enrichment: decides whether the article can be enriched and produces the
 * section's shape. Entity extraction and geocoding fill `entities` and `primaryLocation`.
 */
@Injectable()
export class EnrichArticleService {
  enrich(article: Article, enricherVersion: string, now = new Date()): Enrichment {
    const language = article.language.split('-')[0];
    if (!SUPPORTED_LANGUAGES.has(language)) {
      return { status: 'skipped', reason: `language-not-supported:${language}`, language, entities: [],
        primaryLocation: null, enricherVersion, enrichedAt: now.toISOString() };
    }
    return { status: 'enriched', language, entities: [], primaryLocation: null, enricherVersion, enrichedAt: now.toISOString() };
  }
}
