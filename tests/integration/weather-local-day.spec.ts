import { Enrichment, Location, WeatherSchema } from '@newsflow/contracts';
import type Redis from 'ioredis';
import { WeatherCache } from '../../services/weather/src/cache/weather-cache';
import { AttachWeatherService } from '../../services/weather/src/forecast/attach-weather.service';
import { OpenMeteoProvider } from '../../services/weather/src/provider/open-meteo.provider';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';

// The local Open-Meteo stand-in answers in the place's zone as the real API does with
// `timezone=auto`, so a place's "today" is exercised through the real provider code. Redis is
// left out (offline client): the day logic is the subject here, the cache has its own specs.

const NOW = '2026-12-07T18:30:00Z'; // 05:30 on the 8th in Sydney, 08:30 on the 7th in Honolulu
const sydney: Location = { name: 'Sydney', lat: -33.8688, lon: 151.2093, timezone: 'Australia/Sydney', confidence: 0.95, reason: 'dateline' };
const honolulu: Location = { name: 'Honolulu', lat: 21.3069, lon: -157.8583, timezone: 'Pacific/Honolulu', confidence: 0.95, reason: 'dateline' };

const enrichment = (primaryLocation: Location): Enrichment => ({
  status: 'enriched',
  language: 'en',
  entities: [],
  primaryLocation,
  enricherVersion: '1',
  enrichedAt: NOW,
});

describe('weather for the place\'s own day (against the local Open-Meteo stand-in)', () => {
  let server: FakeOpenMeteo;
  let service: AttachWeatherService;

  beforeAll(async () => {
    server = await startFakeOpenMeteo({ port: 0, now: NOW });
    const now = () => new Date(NOW);
    const provider = new OpenMeteoProvider({ baseUrl: server.url, archiveBaseUrl: server.url, timeoutMs: 5_000, now });
    const offlineRedis = { status: 'end', on: () => undefined } as unknown as Redis;
    const cache = new WeatherCache(offlineRedis, { currentSeconds: 600, dailySeconds: 10_800, historySeconds: 86_400 });
    service = new AttachWeatherService(provider, cache, { now });
  });
  afterAll(() => server.close());

  it('gives a story filed in Sydney this morning local time the forecast from Sydney\'s today', async () => {
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(sydney), '2026-12-07T18:00:00Z'));
    expect(weather).toMatchObject({ status: 'attached', kind: 'forecast', location: { timezone: 'Australia/Sydney' } });
    expect(weather.current?.localTime.slice(0, 16)).toBe('2026-12-08T05:30');
    expect(weather.daily?.[0]?.date).toBe('2026-12-09');
  });

  it('gives a story filed in Sydney late on the 7th, local time, what was observed that day, though it is still the 7th in UTC', async () => {
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(sydney), '2026-12-07T12:00:00Z'));
    expect(weather).toMatchObject({ status: 'attached', kind: 'observed' });
    expect(weather.daily?.map((d) => d.date)).toEqual(['2026-12-07']);
  });

  it('gives a story filed in Honolulu on the evening of the 6th, local time, the 6th\'s observed weather', async () => {
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(honolulu), '2026-12-07T08:00:00Z'));
    expect(weather).toMatchObject({ status: 'attached', kind: 'observed', location: { timezone: 'Pacific/Honolulu' } });
    expect(weather.daily?.map((d) => d.date)).toEqual(['2026-12-06']);
  });

  it('gives a story filed in Honolulu this morning the forecast from Honolulu\'s today, the 7th', async () => {
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(honolulu), '2026-12-07T18:00:00Z'));
    expect(weather).toMatchObject({ status: 'attached', kind: 'forecast' });
    expect(weather.current?.localTime.slice(0, 10)).toBe('2026-12-07');
    expect(weather.daily?.[0]?.date).toBe('2026-12-08');
  });
});
