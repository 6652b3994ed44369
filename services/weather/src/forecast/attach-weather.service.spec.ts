import { Enrichment, WeatherSchema } from '@newsflow/contracts';
import { AttachWeatherService } from './attach-weather.service';

const enrichment = (primaryLocation: Enrichment['primaryLocation']): Enrichment => ({
  status: 'enriched',
  language: 'en',
  entities: [],
  primaryLocation,
  enricherVersion: '1',
  enrichedAt: new Date().toISOString(),
});

describe('AttachWeatherService', () => {
  const service = new AttachWeatherService();

  it('marks articles without a location as no-location', async () => {
    const weather = await service.weatherFor(enrichment(null));
    expect(WeatherSchema.parse(weather).status).toBe('no-location');
  });

  it('keeps the location of located articles', async () => {
    const weather = await service.weatherFor(
      enrichment({ name: 'Marrakech', lat: 31.63, lon: -8.01, confidence: 0.9, reason: 'dateline' }),
    );
    expect(weather.location).toEqual({ name: 'Marrakech', lat: 31.63, lon: -8.01 });
  });
});
