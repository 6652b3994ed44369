import { makeArticle } from '@newsflow/contracts/testing';
import { EnrichmentSchema } from '@newsflow/contracts';
import { EnrichArticleService } from './enrich-article.service';
import { EntityExtractor } from './entity-extractor.provider';

describe('EnrichArticleService', () => {
  const extractor = new EntityExtractor();
  const service = new EnrichArticleService(extractor);
  beforeAll(() => extractor.onModuleInit());

  it('produces a valid enrichment section for English articles', async () => {
    const enrichment = await service.enrich(makeArticle({ language: 'en-GB' }), '1.0.0');
    expect(EnrichmentSchema.parse(enrichment).status).toBe('enriched');
    expect(enrichment.language).toBe('en');
  });

  it('fills entities and the primary location', async () => {
    const enrichment = await service.enrich(
      makeArticle({ language: 'en', headline: 'Storm hits coast', body: 'MARRAKECH, Morocco (AP) — King Mohammed VI visited the city on Monday, officials said.' }),
      '1.0.0',
    );
    expect(EnrichmentSchema.parse(enrichment).primaryLocation).toMatchObject({ name: 'Marrakech', reason: 'dateline', countryCode: 'MA' });
    expect(enrichment.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['person:mohammed-vi', 'place:2542997', 'place:country-ma']));
  });

  it('passes other languages on with the reason instead of failing', async () => {
    const enrichment = await service.enrich(makeArticle({ language: 'fr' }), '1.0.0');
    expect(enrichment.status).toBe('skipped');
    expect(enrichment.reason).toBe('language-not-supported:fr');
    expect(enrichment.entities).toEqual([]);
  });

  it('still places a story in another language by its dateline, so it gets that place\'s weather', async () => {
    const enrichment = await service.enrich(makeArticle({
      language: 'fr', headline: 'La fête des Lumières commence',
      body: 'LYON - La ville a allumé jeudi soir ses premières illuminations, devant des milliers de visiteurs.',
    }), '1.0.0');
    expect(enrichment).toMatchObject({ status: 'skipped', entities: [] });
    expect(EnrichmentSchema.parse(enrichment).primaryLocation).toMatchObject({ name: 'Lyon', countryCode: 'FR', reason: 'dateline', timezone: 'Europe/Paris' });
  });

  it('skips text tagged en that is clearly another language', async () => {
    const enrichment = await service.enrich(
      makeArticle({ language: 'en', headline: 'Le président en visite', body: "Le président a déclaré lundi que les négociations avec les syndicats ont échoué et qu'il part pour la ville." }),
      '1.0.0',
    );
    expect(enrichment).toMatchObject({ status: 'skipped', reason: 'language-not-supported:fr', language: 'fr' });
  });
});
