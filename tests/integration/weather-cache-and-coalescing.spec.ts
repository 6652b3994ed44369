import { Enrichment, Location, WeatherSchema } from '@newsflow/contracts';
import Redis from 'ioredis';
import { forecastCacheKey, historyCacheKey, localDate } from '../../services/weather/src/cache/cache-key';
import { WeatherCache } from '../../services/weather/src/cache/weather-cache';
import { loadWeatherConfig } from '../../services/weather/src/config/weather.config';
import { AttachWeatherService } from '../../services/weather/src/forecast/attach-weather.service';
import { createWeatherProvider } from '../../services/weather/src/provider/create-weather-provider';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { requireEnv, unique } from '../support/unique';

const marrakech: Location = { name: 'Marrakech', lat: 31.6295, lon: -8.0083, timezone: 'Africa/Casablanca', confidence: 0.9, reason: 'dateline' };
const enrichment = (primaryLocation: Location | null): Enrichment => ({
  status: 'enriched', language: 'en', entities: [], primaryLocation, enricherVersion: 'test', enrichedAt: new Date().toISOString(),
});

/** The service as main.ts wires it: config from the environment, real provider, real Redis. */
function weatherService(fake: FakeOpenMeteo, redis: Redis, now?: () => Date): AttachWeatherService {
  const config = loadWeatherConfig({ OPEN_METEO_BASE_URL: fake.url, OPEN_METEO_ARCHIVE_BASE_URL: fake.url, WEATHER_TIMEOUT_MS: '2000' });
  const cache = new WeatherCache(redis, { currentSeconds: config.WEATHER_CACHE_CURRENT_TTL_S, dailySeconds: config.WEATHER_CACHE_DAILY_TTL_S, historySeconds: config.WEATHER_CACHE_ARCHIVE_TTL_S });
  return new AttachWeatherService(createWeatherProvider(config), cache, { now });
}

describe('weather stage: cache and coalescing against real Redis and the fake Open-Meteo', () => {
  let fake: FakeOpenMeteo;
  let redis: Redis;

  beforeAll(async () => {
    fake = await startFakeOpenMeteo();
  });

  beforeEach(() => {
    fake.reset();
    // A key prefix per test gives each test an empty cache in the shared Redis.
    redis = new Redis(requireEnv('REDIS_URL'), { keyPrefix: `${unique('it-weather')}:`, maxRetriesPerRequest: 2 });
  });

  afterEach(async () => {
    await redis.quit();
  });

  afterAll(async () => {
    await fake.close();
  });

  it('answers a herd of 1,000 concurrent Marrakech articles with one upstream request', async () => {
    // The morning the fixture's strip was recorded, on both clocks: the fake serves it only then.
    const seedMorning = new Date('2025-11-24T06:05:00Z');
    const recorded = await startFakeOpenMeteo({ now: seedMorning.toISOString() });
    const service = weatherService(recorded, redis, () => seedMorning);
    const results = await Promise.all(Array.from({ length: 1000 }, () => service.weatherFor(enrichment(marrakech), seedMorning.toISOString())));
    await recorded.close();
    expect(recorded.requests.count).toBe(1);
    expect(recorded.requests.log[0]).toMatchObject({
      path: '/v1/forecast',
      query: {
        latitude: '31.63', longitude: '-8.01', current: 'temperature_2m,weather_code,is_day',
        daily: 'weather_code,temperature_2m_max,temperature_2m_min', timezone: 'auto', forecast_days: '7',
      },
    });
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['attached']));
    const weather = WeatherSchema.parse(results[0]);
    expect(weather.current).toMatchObject({ localTime: '2025-11-24T06:00', temperature: 13.01, condition: 'light rain' });
    expect(weather.attribution).toEqual({ text: 'Weather data by Open-Meteo.com', url: 'https://open-meteo.com/', licence: 'CC BY 4.0' });
    expect((weather.daily ?? []).map((d) => `${d.weekday} ${d.temperatureMax} ${d.condition}`)).toEqual([
      'Tue 12.97 mostly cloudy', 'Wed 12.92 mostly cloudy', 'Thu 13.08 mostly cloudy', 'Fri 13.18 mostly cloudy', 'Sat 10.94 mostly cloudy', 'Sun 15.6 partly cloudy',
    ]);
  });

  it('serves the second lookup from Redis, even from a fresh instance', async () => {
    await weatherService(fake, redis).weatherFor(enrichment(marrakech));
    expect(fake.requests.count).toBe(1);
    // A new instance has no in-process state, so only Redis can explain the missing upstream call.
    const again = await weatherService(fake, redis).weatherFor(enrichment({ ...marrakech, lat: 31.631, lon: -8.012 }));
    expect(again.status).toBe('attached');
    expect(fake.requests.count).toBe(1);
    const key = forecastCacheKey('open-meteo', 31.63, -8.01, localDate(new Date(), 'Africa/Casablanca'));
    const [currentTtl, dailyTtl] = await Promise.all([redis.ttl(`${key}:current`), redis.ttl(`${key}:daily`)]);
    expect(currentTtl).toBeGreaterThan(500);
    expect(currentTtl).toBeLessThanOrEqual(600);
    expect(dailyTtl).toBeGreaterThan(10_000);
  });

  it('gives an old article the archived weather of its publication day, cached', async () => {
    const service = weatherService(fake, redis);
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(marrakech), '2025-11-24T09:00:00Z'));
    expect(weather.status).toBe('attached');
    expect(weather.daily).toEqual([expect.objectContaining({ date: '2025-11-24', weekday: 'Mon', condition: 'light rain', temperatureMax: 14.2 })]);
    expect(fake.requests.log.map((r) => [r.path, r.query.start_date, r.query.end_date])).toEqual([['/v1/archive', '2025-11-24', '2025-11-24']]);
    expect(await redis.ttl(historyCacheKey('open-meteo', 31.63, -8.01, '2025-11-24'))).toBeGreaterThan(600_000);
    await weatherService(fake, redis).weatherFor(enrichment(marrakech), '2025-11-24T18:00:00Z');
    expect(fake.requests.count).toBe(1);
  });

  it("gives a recent article whose day is over that day's values from the forecast API, cached only for hours", async () => {
    const london: Location = { name: 'London', lat: 51.5072, lon: -0.1276, timezone: 'Europe/London', confidence: 0.9, reason: 'dateline' };
    const published = new Date(Date.now() - 3 * 86_400_000);
    const day = localDate(published, 'Europe/London');
    const weather = WeatherSchema.parse(await weatherService(fake, redis).weatherFor(enrichment(london), published.toISOString()));
    expect(weather).toMatchObject({ status: 'attached', kind: 'observed', daily: [expect.objectContaining({ date: day })] });
    expect(weather.current).toBeUndefined();
    // The archive does not have the last few days yet; the forecast API keeps 92 days of them.
    expect(fake.requests.log.map((r) => [r.path, r.query.start_date, r.query.end_date, r.query.current])).toEqual([['/v1/forecast', day, day, undefined]]);
    const ttl = await redis.ttl(historyCacheKey('open-meteo', 51.51, -0.13, day));
    expect(ttl).toBeGreaterThan(10_000);
    expect(ttl).toBeLessThanOrEqual(10_800);
  });

  it('marks an article without a location no-location without calling out', async () => {
    const weather = await weatherService(fake, redis).weatherFor(enrichment(null));
    expect(weather.status).toBe('no-location');
    expect(fake.requests.count).toBe(0);
  });

  it('gives other places a deterministic generated forecast', async () => {
    const london: Location = { name: 'London', lat: 51.5072, lon: -0.1276, timezone: 'Europe/London', confidence: 0.9, reason: 'dateline' };
    const weather = WeatherSchema.parse(await weatherService(fake, redis).weatherFor(enrichment(london)));
    expect(weather.status).toBe('attached');
    expect(weather.daily).toHaveLength(6);
  });
});
