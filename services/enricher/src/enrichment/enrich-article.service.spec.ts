import { makeArticle } from '@newsflow/contracts/testing';
import { EnrichmentSchema } from '@newsflow/contracts';
import { EnrichArticleService } from './enrich-article.service';

describe('EnrichArticleService', () => {
  const service = new EnrichArticleService();

  it('produces a valid enrichment section for English articles', () => {
    const enrichment = service.enrich(makeArticle({ language: 'en-GB' }), '1.0.0');
    expect(EnrichmentSchema.parse(enrichment).status).toBe('enriched');
    expect(enrichment.language).toBe('en');
  });

  it('passes other languages on with the reason instead of failing', () => {
    const enrichment = service.enrich(makeArticle({ language: 'fr' }), '1.0.0');
    expect(enrichment.status).toBe('skipped');
    expect(enrichment.reason).toBe('language-not-supported:fr');
    expect(enrichment.entities).toEqual([]);
  });
});
