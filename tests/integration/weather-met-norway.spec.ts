import { Enrichment, Location, WeatherSchema } from '@newsflow/contracts';
import Redis from 'ioredis';
import { WeatherCache } from '../../services/weather/src/cache/weather-cache';
import { loadWeatherConfig } from '../../services/weather/src/config/weather.config';
import { AttachWeatherService } from '../../services/weather/src/forecast/attach-weather.service';
import { createWeatherProvider } from '../../services/weather/src/provider/create-weather-provider';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { requireEnv, unique } from '../support/unique';

const oslo: Location = { name: 'Oslo', lat: 59.9139, lon: 10.7522, timezone: 'Europe/Oslo', confidence: 0.9, reason: 'dateline' };
const enrichment = (primaryLocation: Location): Enrichment => ({
  status: 'enriched', language: 'en', entities: [], primaryLocation, enricherVersion: 'test', enrichedAt: new Date().toISOString(),
});

describe('weather stage: MET Norway provider selected by configuration', () => {
  let fake: FakeOpenMeteo;
  let redis: Redis;
  let service: AttachWeatherService;

  beforeAll(async () => {
    fake = await startFakeOpenMeteo();
    redis = new Redis(requireEnv('REDIS_URL'), { keyPrefix: `${unique('it-weather')}:`, maxRetriesPerRequest: 2 });
    const config = loadWeatherConfig({ WEATHER_PROVIDER: 'met-norway', MET_NORWAY_BASE_URL: fake.url, MET_NORWAY_USER_AGENT: 'newsflow-tests/1 ops@example.org' });
    const cache = new WeatherCache(redis, { currentSeconds: 600, dailySeconds: 10_800, historySeconds: 86_400 });
    service = new AttachWeatherService(createWeatherProvider(config), cache);
  });

  afterAll(async () => {
    await redis.quit();
    await fake.close();
  });

  it('attaches current conditions and six days derived from the hourly series, identifying itself', async () => {
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(oslo)));
    expect(weather).toMatchObject({ status: 'attached', provider: 'met-norway', location: { name: 'Oslo', timezone: 'Europe/Oslo' } });
    expect(weather.daily).toHaveLength(6);
    for (const day of weather.daily ?? []) expect(day.temperatureMin).toBeLessThanOrEqual(day.temperatureMax);
    expect(fake.requests.log).toEqual([
      expect.objectContaining({ path: '/weatherapi/locationforecast/2.0/compact', query: { lat: '59.9100', lon: '10.7500' }, userAgent: 'newsflow-tests/1 ops@example.org' }),
    ]);
  });

  it('answers not-applicable for old articles, since MET Norway keeps no history', async () => {
    const weather = await service.weatherFor(enrichment(oslo), '2025-01-10T10:00:00Z');
    expect(weather.status).toBe('not-applicable');
  });
});
