import { Enrichment, Location, WeatherSchema } from '@newsflow/contracts';
import Redis from 'ioredis';
import { forecastCacheKey, localDate } from '../../services/weather/src/cache/cache-key';
import { WeatherCache } from '../../services/weather/src/cache/weather-cache';
import { loadWeatherConfig } from '../../services/weather/src/config/weather.config';
import { AttachWeatherService } from '../../services/weather/src/forecast/attach-weather.service';
import { createWeatherProvider } from '../../services/weather/src/provider/create-weather-provider';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { requireEnv, unique } from '../support/unique';

const marrakech: Location = { name: 'Marrakech', lat: 31.63, lon: -8.01, timezone: 'Africa/Casablanca', confidence: 0.9, reason: 'dateline' };
const enrichment = (primaryLocation: Location): Enrichment => ({
  status: 'enriched', language: 'en', entities: [], primaryLocation, enricherVersion: 'test', enrichedAt: new Date().toISOString(),
});

describe('weather stage: provider failures leave the article unavailable, never stuck', () => {
  let fake: FakeOpenMeteo;
  let redis: Redis;

  /** Fast test settings: 300 ms timeout, one retry, short backoff. */
  function weatherService(env: Record<string, string> = {}): AttachWeatherService {
    const config = loadWeatherConfig({
      OPEN_METEO_BASE_URL: fake.url, WEATHER_TIMEOUT_MS: '300', WEATHER_RETRIES: '1', WEATHER_RETRY_INITIAL_DELAY_MS: '10', ...env,
    });
    const cache = new WeatherCache(redis, { currentSeconds: 600, dailySeconds: 10_800, historySeconds: 86_400 });
    return new AttachWeatherService(createWeatherProvider(config), cache);
  }

  async function unavailable(service: AttachWeatherService): Promise<string> {
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(marrakech)));
    expect(weather.status).toBe('unavailable');
    expect(weather.location).toMatchObject({ name: 'Marrakech', lat: 31.63, lon: -8.01 });
    return weather.reason ?? '';
  }

  beforeAll(async () => {
    fake = await startFakeOpenMeteo();
  });

  beforeEach(() => {
    fake.reset();
    redis = new Redis(requireEnv('REDIS_URL'), { keyPrefix: `${unique('it-weather')}:`, maxRetriesPerRequest: 2 });
  });

  afterEach(async () => {
    await redis.quit();
  });

  afterAll(async () => {
    await fake.close();
  });

  it('answers unavailable after retrying a provider that answers 500', async () => {
    fake.setFailure('http-500');
    expect(await unavailable(weatherService())).toMatch(/^WEATHER\.UPSTREAM_HTTP: HTTP 500/);
    expect(fake.requests.count).toBe(2);
  });

  it('recovers from a single 500 by retrying', async () => {
    fake.setFailure('http-500', { times: 1 });
    const weather = await weatherService().weatherFor(enrichment(marrakech));
    expect(weather.status).toBe('attached');
    expect(fake.requests.count).toBe(2);
  });

  it('answers unavailable when the provider is too slow', async () => {
    fake.setFailure('slow', { delayMs: 3000 });
    const started = Date.now();
    expect(await unavailable(weatherService())).toMatch(/^WEATHER\.UPSTREAM_TIMEOUT/);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('answers unavailable when the provider sends malformed JSON', async () => {
    fake.setFailure('malformed');
    expect(await unavailable(weatherService())).toMatch(/^WEATHER\.UPSTREAM_MALFORMED: answer is not JSON/);
  });

  it('answers unavailable, naming the fields, when the answer misses fields, without retrying', async () => {
    fake.setFailure('missing-fields');
    const reason = await unavailable(weatherService());
    expect(reason).toMatch(/^WEATHER\.UPSTREAM_INVALID/);
    // Without `current` the days would still do; without the daily maxima there is no forecast.
    expect(reason).toContain('daily.temperature_2m_max');
    expect(fake.requests.count).toBe(1);
  });

  it('answers unavailable when nothing listens at the configured address', async () => {
    const closed = await startFakeOpenMeteo();
    await closed.close();
    expect(await unavailable(weatherService({ OPEN_METEO_BASE_URL: closed.url }))).toMatch(/^WEATHER\.UPSTREAM_UNREACHABLE/);
  });

  it('opens the circuit after repeated failures and then stops calling the provider', async () => {
    fake.setFailure('http-500');
    const service = weatherService({ WEATHER_RETRIES: '0', WEATHER_BREAKER_THRESHOLD: '3' });
    for (let i = 0; i < 3; i++) await unavailable(service);
    expect(await unavailable(service)).toMatch(/^WEATHER\.CIRCUIT_OPEN/);
    expect(fake.requests.count).toBe(3);
  });

  it('falls back to the cached daily forecast when current conditions expired and the provider fails', async () => {
    const london: Location = { name: 'London', lat: 51.5072, lon: -0.1276, timezone: 'Europe/London', confidence: 0.9, reason: 'dateline' };
    const service = weatherService();
    expect((await service.weatherFor(enrichment(london))).status).toBe('attached');
    // Current conditions expire after minutes, the daily part after hours: simulate the gap.
    await redis.del(`${forecastCacheKey('open-meteo', 51.51, -0.13, localDate(new Date(), 'Europe/London'))}:current`);
    fake.setFailure('http-500');
    const weather = WeatherSchema.parse(await service.weatherFor(enrichment(london)));
    expect(weather.status).toBe('attached');
    expect(weather.current).toBeUndefined();
    expect((weather.daily ?? []).length).toBeGreaterThanOrEqual(5);
    expect(weather.reason).toMatch(/^current conditions unavailable \(WEATHER\.UPSTREAM_HTTP/);
  });

  it('does not cache failures: the next lookup after recovery attaches weather', async () => {
    const service = weatherService();
    fake.setFailure('malformed');
    await unavailable(service);
    fake.reset();
    expect((await service.weatherFor(enrichment(marrakech))).status).toBe('attached');
  });
});
