import { makeArticle } from '@newsflow/contracts/testing';
import { toSearchDocument } from './search-document';

describe('toSearchDocument', () => {
  const article = makeArticle({ headline: 'Marrakech hosts INTERPOL' });
  const payload = {
    article,
    enrichment: {
      status: 'enriched' as const,
      language: 'en',
      enricherVersion: '1',
      enrichedAt: '2025-11-24T10:00:00Z',
      primaryLocation: { name: 'Marrakech', lat: 31.63, lon: -8.01, countryCode: 'MA', confidence: 0.9, reason: 'dateline' },
      entities: [
        { id: 'place:marrakech', type: 'place' as const, name: 'Marrakech', surfaceForms: ['Marrakech'], mentions: [], mentionCount: 2, salience: 0.9,
          geo: { lat: 31.63, lon: -8.01, countryCode: 'MA' } },
        { id: 'organization:interpol', type: 'organization' as const, name: 'INTERPOL', surfaceForms: ['INTERPOL'], mentions: [], mentionCount: 5, salience: 0.8 },
        { id: 'place:marrakech', type: 'place' as const, name: 'Marrakech', surfaceForms: [], mentions: [], mentionCount: 0, salience: 0 },
      ],
    },
    weather: { status: 'no-location' as const },
  };

  it('lifts the fields filters run on and keeps the whole article', () => {
    const doc = toSearchDocument(payload, new Date('2025-11-24T10:00:01Z'));
    expect(doc._id).toBe(article.id);
    expect(doc.entityIds).toEqual(['place:marrakech', 'organization:interpol']);
    expect(doc.entityTypes.sort()).toEqual(['organization', 'place']);
    expect(doc.countryCodes).toEqual(['MA']);
    expect(doc.primaryLocation).toEqual({ name: 'Marrakech', lat: 31.63, lon: -8.01 });
    expect(doc.publishedAt).toEqual(new Date(article.publishedAt));
    expect(doc.document).toBe(payload);
    // The body is stored once, inside the article.
    expect(doc).not.toHaveProperty('body');
  });
});
