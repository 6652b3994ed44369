import { ArticleEnrichedPayload, Enrichment, Location, WeatherSchema } from '@newsflow/contracts';
import { makeArticle } from '@newsflow/contracts/testing';
import type { EventPublisher } from '@newsflow/messaging';
import Redis from 'ioredis';
import { WeatherBackfillService } from '../../services/weather/src/backfill/weather-backfill.service';
import { localDate } from '../../services/weather/src/cache/cache-key';
import { WeatherCache } from '../../services/weather/src/cache/weather-cache';
import { loadWeatherConfig } from '../../services/weather/src/config/weather.config';
import { AttachWeatherService } from '../../services/weather/src/forecast/attach-weather.service';
import { createWeatherProvider } from '../../services/weather/src/provider/create-weather-provider';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { requireEnv, unique } from '../support/unique';

// The weather stage's times against real Redis and the local Open-Meteo stand-in: days before the
// archive, the archive's refusals, answers recorded for another day, and embargoes.

const DAY_MS = 86_400_000;
const place = (name: string, lat: number, lon: number, timezone: string): Location => ({ name, lat, lon, timezone, confidence: 0.9, reason: 'dateline' });
const marrakech = place('Marrakech', 31.63, -8.01, 'Africa/Casablanca');
const london = place('London', 51.51, -0.13, 'Europe/London');
const oslo = place('Oslo', 59.91, 10.75, 'Europe/Oslo');
const enrichment = (primaryLocation: Location): Enrichment => ({
  status: 'enriched', language: 'en', entities: [], primaryLocation, enricherVersion: 'test', enrichedAt: new Date().toISOString(),
});

/** A clock the test moves: the fake reads `options.now` on every request, so it follows a change. */
function movableFake(now: Date): Promise<{ fake: FakeOpenMeteo; options: { now: string } }> {
  const options = { now: now.toISOString() };
  return startFakeOpenMeteo(options).then((fake) => ({ fake, options }));
}

describe('weather stage: times (real Redis, the fake Open-Meteo)', () => {
  const fakes: FakeOpenMeteo[] = [];
  let redis: Redis;

  async function fakeAt(now?: Date): Promise<FakeOpenMeteo> {
    const fake = await startFakeOpenMeteo(now ? { now: now.toISOString() } : {});
    fakes.push(fake);
    return fake;
  }

  function weatherService(forecastUrl: string, archiveUrl = forecastUrl, now?: () => Date): AttachWeatherService {
    const config = loadWeatherConfig({ OPEN_METEO_BASE_URL: forecastUrl, OPEN_METEO_ARCHIVE_BASE_URL: archiveUrl, WEATHER_TIMEOUT_MS: '2000', WEATHER_RETRY_INITIAL_DELAY_MS: '1' });
    const cache = new WeatherCache(redis, { currentSeconds: config.WEATHER_CACHE_CURRENT_TTL_S, dailySeconds: config.WEATHER_CACHE_DAILY_TTL_S, historySeconds: config.WEATHER_CACHE_ARCHIVE_TTL_S });
    return new AttachWeatherService(createWeatherProvider(config), cache, { now });
  }

  beforeEach(() => {
    redis = new Redis(requireEnv('REDIS_URL'), { keyPrefix: `${unique('it-weather-times')}:`, maxRetriesPerRequest: 2 });
  });

  afterEach(async () => {
    await redis.quit();
    await Promise.all(fakes.splice(0).map((f) => f.close()));
  });

  it('gives a story from before 1940 not-applicable without asking the archive', async () => {
    const fake = await fakeAt();
    const weather = WeatherSchema.parse(await weatherService(fake.url).weatherFor(enrichment(london), '1938-06-01T12:00:00Z'));
    expect(weather).toMatchObject({ status: 'not-applicable', reason: expect.stringContaining("open-meteo's weather history starts on 1940-01-01") });
    expect(fake.requests.count).toBe(0);
    // Nothing used Redis: connect it anyway, or quit() in afterEach leaves a reconnecting client behind.
    await redis.ping();
  });

  it('lets archive refusals (HTTP 400) fail only their article: not queued for backfill, and the breaker stays closed', async () => {
    // An archive whose clock is a month behind refuses the last month, as the real one refuses days it does not have yet.
    const archive = await fakeAt(new Date(Date.now() - 30 * DAY_MS));
    const forecast = await fakeAt();
    const service = weatherService(forecast.url, archive.url);
    for (let i = 0; i < 6; i++) {
      const outcome = await service.attach(enrichment({ ...london, lon: london.lon + i }), { publishedAt: new Date(Date.now() - (10 + i) * DAY_MS).toISOString() });
      expect(outcome.backfill).toBe(false);
      expect(outcome.weather).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/^WEATHER\.UPSTREAM_HTTP: HTTP 400: .*out of allowed range from 1940-01-01/) });
    }
    // Six refusals in a row; WEATHER_BREAKER_THRESHOLD is 5. Oslo still gets its forecast.
    expect(archive.requests.count).toBe(6);
    const weather = await service.weatherFor(enrichment(oslo), new Date().toISOString());
    expect(weather).toMatchObject({ status: 'attached', kind: 'forecast' });
  });

  it("gives a Marrakech story published today today's forecast, not the fixture's November 2025", async () => {
    const fake = await fakeAt();
    const weather = WeatherSchema.parse(await weatherService(fake.url).weatherFor(enrichment(marrakech), new Date().toISOString()));
    const today = localDate(new Date(), 'Africa/Casablanca');
    expect(weather).toMatchObject({ status: 'attached', kind: 'forecast', location: { timezone: 'Africa/Casablanca' } });
    expect(weather.current?.localTime.slice(0, 10)).toBe(today);
    expect((weather.daily?.[0]?.date ?? '') > today).toBe(true);
  });

  it('keeps the golden case: the seed\'s strip on its day, and its observed Monday', async () => {
    const seedMorning = new Date('2025-11-24T06:05:00Z');
    const fake = await fakeAt(seedMorning);
    const strip = WeatherSchema.parse(await weatherService(fake.url, fake.url, () => seedMorning).weatherFor(enrichment(marrakech), seedMorning.toISOString()));
    expect(strip.current).toMatchObject({ localTime: '2025-11-24T06:00', temperature: 13.01, condition: 'light rain' });
    expect((strip.daily ?? []).slice(0, 5).map((d) => `${d.weekday} ${d.temperatureMax} ${d.condition}`)).toEqual([
      'Tue 12.97 mostly cloudy', 'Wed 12.92 mostly cloudy', 'Thu 13.08 mostly cloudy', 'Fri 13.18 mostly cloudy', 'Sat 10.94 mostly cloudy',
    ]);
    const today = await fakeAt();
    const observed = WeatherSchema.parse(await weatherService(today.url).weatherFor(enrichment(marrakech), '2025-11-24T09:00:00Z'));
    expect(observed).toMatchObject({ status: 'attached', kind: 'observed' });
    expect(observed.daily).toEqual([expect.objectContaining({ date: '2025-11-24', weekday: 'Mon', temperatureMin: 8.9, temperatureMax: 14.2, condition: 'light rain' })]);
  });

  it('refuses, and does not cache, a forecast that is not for now, saying what was asked and what came back', async () => {
    const stale = await fakeAt(new Date('2025-11-24T06:05:00Z'));
    const service = weatherService(stale.url);
    const outcome = await service.attach(enrichment(marrakech), { publishedAt: new Date().toISOString() });
    expect(outcome.backfill).toBe(true);
    expect(outcome.weather.status).toBe('unavailable');
    expect(outcome.weather.reason).toMatch(/^WEATHER\.UPSTREAM_STALE: .*asked for \d{4}-\d{2}-\d{2} \(Africa\/Casablanca\).*got days 2025-11-24…2025-11-30 and current conditions of 2025-11-24T06:00/);
    await service.weatherFor(enrichment(marrakech), new Date().toISOString());
    expect(stale.requests.count).toBe(2);
  });

  it('gives an embargoed story the forecast of its release day, then fresh weather at the release, republished with backfilledAt', async () => {
    let clock = new Date();
    const { fake, options } = await movableFake(clock);
    fakes.push(fake);
    const service = weatherService(fake.url, fake.url, () => clock);
    const release = new Date(clock.getTime() + 2 * DAY_MS);
    const article = makeArticle({ publishedAt: clock.toISOString(), embargoedUntil: release.toISOString() });
    const payload = { article, enrichment: enrichment(marrakech) } as ArticleEnrichedPayload;
    const published: Array<{ payload: { weather: Record<string, unknown> } }> = [];
    const publisher = { publish: async (_topic: string, p: unknown) => void published.push({ payload: p as { weather: Record<string, unknown> } }) } as unknown as EventPublisher;
    const config = loadWeatherConfig({ KAFKA_GROUP_ID: unique('it-weather-times') });
    const backfill = new WeatherBackfillService(redis, service, publisher, config);

    const before = await service.attach(payload.enrichment, article);
    const releaseDay = localDate(release, 'Africa/Casablanca');
    expect(before).toMatchObject({ refreshAt: release.toISOString(), weather: { status: 'attached', kind: 'forecast' } });
    expect(before.weather.current).toBeUndefined();
    expect(before.weather.daily?.[0].date).toBe(releaseDay);
    await backfill.remember(payload, { correlationId: 'c-1' }, Date.parse(String(before.refreshAt)));

    await backfill.tick(clock.getTime() + 3600_000);
    expect(published).toEqual([]);

    clock = new Date(release.getTime() + 60_000);
    options.now = clock.toISOString();
    await backfill.tick(clock.getTime());
    expect(published).toHaveLength(1);
    const weather = WeatherSchema.parse(published[0].payload.weather);
    expect(weather).toMatchObject({ status: 'attached', kind: 'forecast', backfilledAt: expect.any(String) });
    expect(weather.current?.localTime.slice(0, 10)).toBe(releaseDay);
    await backfill.tick(clock.getTime() + DAY_MS);
    expect(published).toHaveLength(1);
  });
});
