import { Enrichment, Location, WeatherSchema } from '@newsflow/contracts';
import type Redis from 'ioredis';
import { WeatherCache } from '../cache/weather-cache';
import { WeatherProviderError } from '../provider/weather-provider.errors';
import { ForecastQuery, ProviderForecast, ProviderHistory, WeatherProvider } from '../provider/weather-provider.port';
import { AttachWeatherService } from './attach-weather.service';

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
  // From the place's today, as Open-Meteo answers.
  daily: ['2026-11-30', ...Array.from({ length: 7 }, (_, i) => `2026-12-0${i + 1}`)].map((date) => ({ date, temperatureMin: 7, temperatureMax: 13, weatherCode: 3 })),
  temperatureUnit: 'celsius',
  fetchedAt: NOW.toISOString(),
};

class StubProvider implements WeatherProvider {
  readonly name = 'stub';
  readonly baseUrl = 'http://stub';
  readonly historyStartsOn = '1940-01-01';
  calls: ForecastQuery[] = [];
  historyDate?: string;
  failWith?: Error;
  async forecast(query: ForecastQuery): Promise<ProviderForecast> {
    this.calls.push(query);
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failWith) throw this.failWith;
    return forecast;
  }
  async history(query: ForecastQuery, date: string): Promise<ProviderHistory> {
    this.calls.push(query);
    return { provider: 'stub', timezone: 'Africa/Casablanca', day: { date: this.historyDate ?? date, temperatureMin: 8, temperatureMax: 14, weatherCode: 61 }, settled: true, temperatureUnit: 'celsius', fetchedAt: NOW.toISOString() };
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

  it('gives a city-state the weather of its point, unlike a country', async () => {
    const { service } = setup();
    const singapore: Location = { name: 'Singapore', entityId: 'place:country-sg', lat: 1.29, lon: 103.85, timezone: 'Asia/Singapore', confidence: 0.9, reason: 'dateline' };
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(singapore), NOW.toISOString()));
    expect(weather).toMatchObject({ status: 'attached', location: { name: 'Singapore' } });
  });

  describe('the provider\'s range and refusals', () => {
    it('marks a story from before the provider\'s history not-applicable, without asking it', async () => {
      const { provider, service } = setup();
      const outcome = await service.attach(enrichment(marrakech), { publishedAt: '1938-06-01T12:00:00Z' });
      expect(WeatherSchema.parse(outcome.weather)).toMatchObject({ status: 'not-applicable', reason: expect.stringContaining('history starts on 1940-01-01') });
      expect(outcome.backfill).toBe(false);
      expect(provider.calls).toEqual([]);
    });

    it('does not queue for backfill an article whose request the provider refused (4xx), but does after a 5xx', async () => {
      const { provider, service } = setup();
      provider.failWith = new WeatherProviderError('WEATHER.UPSTREAM_HTTP', 'HTTP 400: out of allowed range', { retriable: false });
      const refused = await service.attach(enrichment(marrakech), { publishedAt: NOW.toISOString() });
      expect(refused).toMatchObject({ weather: { status: 'unavailable', reason: 'WEATHER.UPSTREAM_HTTP: HTTP 400: out of allowed range' }, backfill: false });
      provider.failWith = new WeatherProviderError('WEATHER.UPSTREAM_HTTP', 'HTTP 503', { retriable: true });
      expect(await service.attach(enrichment(marrakech), { publishedAt: NOW.toISOString() })).toMatchObject({ weather: { status: 'unavailable' }, backfill: true });
    });
  });

  describe('answers that are not for the time asked', () => {
    it('refuses a forecast whose days do not include the place\'s today, naming what was asked and what came', async () => {
      const { provider, service } = setup();
      const old = forecast.daily.slice(0, 7).map((d, i) => ({ ...d, date: `2025-11-${24 + i}` }));
      provider.forecast = async () => ({ ...forecast, current: undefined, daily: old });
      const outcome = await service.attach(enrichment(marrakech), { publishedAt: NOW.toISOString() });
      expect(outcome).toMatchObject({ weather: { status: 'unavailable' }, backfill: true });
      expect(outcome.weather.reason).toMatch(/^WEATHER\.UPSTREAM_STALE: .*asked for 2026-11-30 .*got days 2025-11-24…2025-11-30/);
    });

    it('refuses current conditions hours away from now', async () => {
      const { provider, service } = setup();
      provider.forecast = async () => ({ ...forecast, current: { localTime: '2026-11-30T23:45', temperature: 13, weatherCode: 3, isDay: false } });
      const weather = await service.weatherFor(enrichment(marrakech), NOW.toISOString());
      expect(weather.status).toBe('unavailable');
      expect(weather.reason).toContain('current conditions of 2026-11-30T23:45 local');
    });

    it('refuses an observed day other than the one asked for', async () => {
      const { provider, service } = setup();
      provider.historyDate = '2025-11-24';
      const weather = await service.weatherFor(enrichment(marrakech), '2026-11-20T12:00:00Z');
      expect(weather).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/^WEATHER\.UPSTREAM_STALE: stub answered 2025-11-24 when asked for .* 2026-11-20/) });
    });
  });

  describe('an article processed before its embargo ends', () => {
    const embargoed = { publishedAt: '2026-11-30T04:00:00Z', embargoedUntil: '2026-12-02T08:00:00Z' };

    it('gets the forecast from its release day on, without "now", and a refresh at the release', async () => {
      const { service } = setup();
      const outcome = await service.attach(enrichment(marrakech), embargoed);
      const weather = WeatherSchema.parse(outcome.weather);
      expect(weather).toMatchObject({ status: 'attached', kind: 'forecast', reason: expect.stringContaining('release day 2026-12-02') });
      expect(weather.current).toBeUndefined();
      expect(weather.daily?.[0]).toMatchObject({ date: '2026-12-02', weekday: 'Wed' });
      expect(outcome).toMatchObject({ refreshAt: embargoed.embargoedUntil, backfill: false });
    });

    it('waits for the release when the provider fails or the release is beyond the forecast', async () => {
      const { service } = setup();
      const far = await service.attach(enrichment(marrakech), { ...embargoed, embargoedUntil: '2026-12-20T08:00:00Z' });
      expect(far).toMatchObject({ weather: { status: 'not-applicable', reason: expect.stringContaining('beyond the forecast') }, refreshAt: '2026-12-20T08:00:00Z' });
      const other = setup();
      other.provider.failWith = new WeatherProviderError('WEATHER.UPSTREAM_HTTP', 'HTTP 500', { retriable: true });
      const failed = await other.service.attach(enrichment(marrakech), embargoed);
      expect(failed).toMatchObject({ weather: { status: 'unavailable' }, backfill: false, refreshAt: embargoed.embargoedUntil });
    });

    it('is an ordinary article once released', async () => {
      const { service } = setup();
      const outcome = await service.attach(enrichment(marrakech), { publishedAt: '2026-11-28T04:00:00Z', embargoedUntil: '2026-11-30T04:30:00Z' });
      expect(outcome.refreshAt).toBeUndefined();
      expect(outcome.weather).toMatchObject({ status: 'attached', kind: 'forecast', current: expect.objectContaining({ localTime: '2026-11-30T06:00' }) });
    });
  });
});
