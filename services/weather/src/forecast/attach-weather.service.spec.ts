import { Enrichment, Location, WeatherSchema } from '@newsflow/contracts';
import type Redis from 'ioredis';
import { WeatherCache } from '../cache/weather-cache';
import { WeatherProviderError } from '../provider/weather-provider.errors';
import { ForecastQuery, ProviderForecast, ProviderHistory, WeatherProvider } from '../provider/weather-provider.port';
import { AttachWeatherService, releasedAt } from './attach-weather.service';

const enrichment = (primaryLocation: Enrichment['primaryLocation']): Enrichment => ({
  status: 'enriched',
  language: 'en',
  entities: [],
  primaryLocation,
  enricherVersion: '1',
  enrichedAt: new Date().toISOString(),
});

const marrakech: Location = { name: 'Marrakech', lat: 31.6295, lon: -8.0083, timezone: 'Africa/Casablanca', confidence: 0.9, reason: 'dateline' };
const NOW = new Date('2026-11-30T05:00:00Z');

const forecast: ProviderForecast = {
  provider: 'stub',
  timezone: 'Africa/Casablanca',
  utcOffsetSeconds: 3600,
  current: { localTime: '2026-11-30T06:00', temperature: 13.01, weatherCode: 61, isDay: false },
  daily: Array.from({ length: 7 }, (_, i) => ({ date: `2026-12-0${i + 1}`, temperatureMin: 7, temperatureMax: 13, weatherCode: 3 })),
  temperatureUnit: 'celsius',
  fetchedAt: NOW.toISOString(),
};

class StubProvider implements WeatherProvider {
  readonly name = 'stub';
  readonly baseUrl = 'http://stub';
  calls: ForecastQuery[] = [];
  failWith?: Error;
  async forecast(query: ForecastQuery): Promise<ProviderForecast> {
    this.calls.push(query);
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failWith) throw this.failWith;
    return forecast;
  }
  async history(query: ForecastQuery, date: string): Promise<ProviderHistory> {
    this.calls.push(query);
    return { provider: 'stub', timezone: 'Africa/Casablanca', day: { date, temperatureMin: 8, temperatureMax: 14, weatherCode: 61 }, settled: true, temperatureUnit: 'celsius', fetchedAt: NOW.toISOString() };
  }
}

// Unit level: Redis is "offline", so the service runs uncached (the integration specs use real Redis).
const offlineRedis = { status: 'end', on: () => undefined } as unknown as Redis;

function setup() {
  const provider = new StubProvider();
  const cache = new WeatherCache(offlineRedis, { currentSeconds: 600, dailySeconds: 10_800, historySeconds: 86_400 });
  const service = new AttachWeatherService(provider, cache, { now: () => NOW });
  return { provider, service };
}

describe('AttachWeatherService', () => {
  it('marks articles without a location as no-location', async () => {
    const weather = await setup().service.weatherFor(enrichment(null));
    expect(WeatherSchema.parse(weather).status).toBe('no-location');
  });

  it('attaches current conditions and six days, querying rounded coordinates', async () => {
    const { provider, service } = setup();
    // 05:30 local on the 30th: the same day as NOW at the place.
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(marrakech), '2026-11-30T04:30:00Z'));
    expect(weather.status).toBe('attached');
    expect(weather.kind).toBe('forecast');
    expect(weather.current?.condition).toBe('light rain');
    expect(weather.daily).toHaveLength(6);
    expect(provider.calls).toEqual([{ lat: 31.63, lon: -8.01, timezone: 'Africa/Casablanca' }]);
  });

  it('attaches no weather to a whole country or region, whose point is only its capital or largest city', async () => {
    const { provider, service } = setup();
    const australia: Location = { name: 'Australia', entityId: 'place:country-au', lat: -35.28, lon: 149.13, timezone: 'Australia/Sydney', confidence: 0.9, reason: 'most-salient-place' };
    const florida: Location = { name: 'Florida', entityId: 'place:region-us-fl', lat: 30.33, lon: -81.66, timezone: 'America/New_York', confidence: 0.6, reason: 'most-salient-place' };
    for (const place of [australia, florida]) {
      const weather = WeatherSchema.parse(await service.weatherFor(enrichment(place)));
      expect(weather).toMatchObject({ status: 'not-applicable', location: { name: place.name } });
      expect(weather.reason).toContain('whole country or region');
      expect(weather.current).toBeUndefined();
    }
    expect(provider.calls).toEqual([]);
    const city = WeatherSchema.parse(await service.weatherFor(enrichment({ ...marrakech, entityId: 'place:2542997' })));
    expect(city.status).toBe('attached');
  });

  it('coalesces concurrent lookups of one place into one provider call', async () => {
    const { provider, service } = setup();
    const results = await Promise.all(Array.from({ length: 200 }, () => service.weatherFor(enrichment(marrakech))));
    expect(provider.calls).toHaveLength(1);
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['attached']));
  });

  it('lets the article move on as unavailable, with the reason, when the provider fails', async () => {
    const { provider, service } = setup();
    provider.failWith = new WeatherProviderError('WEATHER.UPSTREAM_HTTP', 'HTTP 500: boom', { retriable: true });
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(marrakech)));
    expect(weather.status).toBe('unavailable');
    expect(weather.reason).toBe('WEATHER.UPSTREAM_HTTP: HTTP 500: boom');
    expect(weather.location).toEqual({ name: 'Marrakech', lat: 31.6295, lon: -8.0083, timezone: 'Africa/Casablanca' });
  });

  it('gives old articles the observed weather of their local publication date', async () => {
    const { service } = setup();
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(marrakech), '2025-11-23T23:30:00Z'));
    expect(weather.status).toBe('attached');
    expect(weather.daily).toEqual([expect.objectContaining({ date: '2025-11-24', weekday: 'Mon', condition: 'light rain' })]);
  });

  it("gives yesterday's article (local to the place) what was observed that day, not today's sky", async () => {
    const { provider, service } = setup();
    // 22:00 UTC on the 29th is 23:00 on the 29th in Marrakech: a day that is over at NOW.
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(marrakech), '2026-11-29T22:00:00Z'));
    expect(weather).toMatchObject({ status: 'attached', kind: 'observed' });
    expect(weather.current).toBeUndefined();
    expect(weather.daily).toEqual([expect.objectContaining({ date: '2026-11-29' })]);
    expect(provider.calls).toHaveLength(1);
  });

  it('judges "today" at the place, not in UTC', async () => {
    const { service } = setup();
    const tokyo: Location = { name: 'Tokyo', lat: 35.69, lon: 139.69, timezone: 'Asia/Tokyo', confidence: 0.9, reason: 'dateline' };
    // NOW is 14:00 on the 30th in Tokyo; 16:00 UTC on the 29th was 01:00 on the 30th there: today.
    const today = WeatherSchema.parse(await service.weatherFor(enrichment(tokyo), '2026-11-29T16:00:00Z'));
    expect(today.kind).toBe('forecast');
    // 14:00 UTC on the 29th was 23:00 on the 29th there: yesterday.
    const yesterday = WeatherSchema.parse(await service.weatherFor(enrichment(tokyo), '2026-11-29T14:00:00Z'));
    expect(yesterday).toMatchObject({ kind: 'observed', daily: [expect.objectContaining({ date: '2026-11-29' })] });
  });

  it('marks old articles not-applicable when the provider keeps no history', async () => {
    const { provider } = setup();
    const noHistory: WeatherProvider = { name: provider.name, baseUrl: provider.baseUrl, forecast: (q) => provider.forecast(q) };
    const cache = new WeatherCache(offlineRedis, { currentSeconds: 1, dailySeconds: 1, historySeconds: 1 });
    const service = new AttachWeatherService(noHistory, cache, { now: () => NOW });
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(marrakech), '2025-11-24T09:00:00Z'));
    expect(weather.status).toBe('not-applicable');
    expect(provider.calls).toHaveLength(0);
  });

  it('credits the provider as its licence asks, on every section showing its data', async () => {
    const { service } = setup();
    const forecast = WeatherSchema.parse(await service.weatherFor(enrichment(marrakech), '2026-11-30T04:30:00Z'));
    // The stub provider has no licence of its own: no credit is invented for it.
    expect(forecast.attribution).toBeUndefined();
    const { attributionOf } = await import('./attribution');
    expect(attributionOf('open-meteo')).toEqual({ attribution: { text: 'Weather data by Open-Meteo.com', url: 'https://open-meteo.com/', licence: 'CC BY 4.0' } });
    expect(attributionOf('met-norway').attribution?.licence).toMatch(/CC BY 4\.0/);
  });

  it('shows the next days when the provider gave no current conditions, rather than nothing', async () => {
    const { provider, service } = setup();
    provider.forecast = async () => ({ ...forecast, current: undefined, fetchedAt: NOW.toISOString() });
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(marrakech), '2026-11-30T04:30:00Z'));
    expect(weather).toMatchObject({ status: 'attached', kind: 'forecast', reason: expect.stringContaining('no current conditions') });
    expect(weather.current).toBeUndefined();
    // NOW is the 30th at the place (UTC+1 per the answer): the strip starts on the 1st.
    expect(weather.daily?.[0].date).toBe('2026-12-01');
  });

  it('takes an embargoed article\'s weather for when it is released', () => {
    expect(releasedAt({ publishedAt: '2026-11-29T22:00:00Z', embargoedUntil: '2026-11-30T06:00:00Z' })).toBe('2026-11-30T06:00:00Z');
    expect(releasedAt({ publishedAt: '2026-11-29T22:00:00Z', embargoedUntil: '2026-11-28T06:00:00Z' })).toBe('2026-11-29T22:00:00Z');
    expect(releasedAt({ publishedAt: '2026-11-29T22:00:00Z' })).toBe('2026-11-29T22:00:00Z');
  });
});
