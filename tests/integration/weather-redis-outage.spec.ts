import { Enrichment, Location } from '@newsflow/contracts';
import Redis from 'ioredis';
import { WeatherCache } from '../../services/weather/src/cache/weather-cache';
import { loadWeatherConfig } from '../../services/weather/src/config/weather.config';
import { AttachWeatherService } from '../../services/weather/src/forecast/attach-weather.service';
import { createWeatherProvider } from '../../services/weather/src/provider/create-weather-provider';
import { freePort } from '../support/service-process';
import { targetOf, TcpRelay } from '../support/tcp-relay';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

const marrakech: Location = { name: 'Marrakech', lat: 31.63, lon: -8.01, timezone: 'Africa/Casablanca', confidence: 0.9, reason: 'dateline' };
const enrichment = (primaryLocation: Location): Enrichment => ({
  status: 'enriched', language: 'en', entities: [], primaryLocation, enricherVersion: 'test', enrichedAt: new Date().toISOString(),
});

/** A TCP relay in front of the real Redis that can be cut and restored on the same port: an outage on demand. */
describe('weather stage: Redis outage', () => {
  let fake: FakeOpenMeteo;

  function weatherService(redis: Redis): AttachWeatherService {
    const config = loadWeatherConfig({ OPEN_METEO_BASE_URL: fake.url, WEATHER_TIMEOUT_MS: '1000' });
    return new AttachWeatherService(createWeatherProvider(config), new WeatherCache(redis, { currentSeconds: 600, dailySeconds: 10_800, historySeconds: 86_400 }));
  }

  beforeAll(async () => {
    fake = await startFakeOpenMeteo();
  });

  beforeEach(() => fake.reset());

  afterAll(async () => {
    await fake.close();
  });

  it('still answers, uncached, when Redis cannot be reached at all', async () => {
    const closedPort = await freePort();
    // The platform's client options; a short disconnectTimeout only so no socket outlives the test.
    const redis = new Redis(`redis://127.0.0.1:${closedPort}`, { maxRetriesPerRequest: 2, enableOfflineQueue: true, disconnectTimeout: 50 });
    try {
      const service = weatherService(redis);
      const started = Date.now();
      const first = await service.weatherFor(enrichment(marrakech));
      const second = await service.weatherFor(enrichment(marrakech));
      expect([first.status, second.status]).toEqual(['attached', 'attached']);
      expect(fake.requests.count).toBe(2); // no cache, so both lookups went upstream
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      redis.disconnect();
    }
  });

  it('goes uncached during an outage and uses the cache again once Redis is back', async () => {
    const relay = new TcpRelay(targetOf(new URL(requireEnv('REDIS_URL')), 6379), await freePort());
    await relay.open();
    const redis = new Redis(`redis://127.0.0.1:${relay.port}`, {
      keyPrefix: `${unique('it-weather')}:`, maxRetriesPerRequest: 2, retryStrategy: () => 100,
    });
    try {
      const service = weatherService(redis);
      await waitFor(() => redis.status === 'ready', { what: 'redis through the relay' });
      await service.weatherFor(enrichment(marrakech));
      await service.weatherFor(enrichment(marrakech));
      expect(fake.requests.count).toBe(1);

      await relay.cut();
      await waitFor(() => redis.status !== 'ready', { what: 'the client to notice the outage' });
      const during = await Promise.all([1, 2].map(async () => (await service.weatherFor(enrichment({ ...marrakech, lat: 40.42, lon: -3.7, name: 'Madrid' }))).status));
      expect(during).toEqual(['attached', 'attached']);
      const afterOutage = fake.requests.count;
      expect(afterOutage).toBeGreaterThanOrEqual(2);
      await service.weatherFor(enrichment({ ...marrakech, lat: 40.42, lon: -3.7, name: 'Madrid' }));
      expect(fake.requests.count).toBe(afterOutage + 1);

      await relay.open();
      await waitFor(() => redis.status === 'ready', { what: 'the client to reconnect' });
      await service.weatherFor(enrichment({ ...marrakech, lat: 40.42, lon: -3.7, name: 'Madrid' }));
      const recovered = fake.requests.count;
      await service.weatherFor(enrichment({ ...marrakech, lat: 40.42, lon: -3.7, name: 'Madrid' }));
      await service.weatherFor(enrichment(marrakech));
      expect(fake.requests.count).toBe(recovered);
    } finally {
      redis.disconnect();
      await relay.cut();
    }
  });
});
