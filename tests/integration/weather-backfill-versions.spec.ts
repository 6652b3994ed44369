import { Article, ArticleEnrichedPayload, Enrichment, Location, TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import type { EventConsumer, EventPublisher } from '@newsflow/messaging';
import { metricsRegistry } from '@newsflow/platform';
import type { KafkaContext } from '@nestjs/microservices';
import Redis from 'ioredis';
import { WeatherBackfillService } from '../../services/weather/src/backfill/weather-backfill.service';
import { WeatherCache } from '../../services/weather/src/cache/weather-cache';
import { loadWeatherConfig, WeatherConfig } from '../../services/weather/src/config/weather.config';
import { AttachWeatherMessageController } from '../../services/weather/src/forecast/attach-weather.message.controller';
import { AttachWeatherService } from '../../services/weather/src/forecast/attach-weather.service';
import { createWeatherProvider } from '../../services/weather/src/provider/create-weather-provider';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { requireEnv, unique } from '../support/unique';

// Weather's backfill queue against real Redis and the local Open-Meteo stand-in: a version a
// correction or a kill replaced is never sent again (privacy audit F6), and the backlog gauge the
// alert reads leaves out embargoed stories waiting for their release.

const DAY_MS = 86_400_000;
const london: Location = { name: 'London', lat: 51.51, lon: -0.13, timezone: 'Europe/London', confidence: 0.9, reason: 'dateline' };
const enrichment: Enrichment = { status: 'enriched', language: 'en', entities: [], primaryLocation: london, enricherVersion: 'test', enrichedAt: new Date().toISOString() };

interface Sent {
  article: Article;
  weather: { status: string; backfilledAt?: string };
}

/** One weather instance: the message controller as Kafka would call it, and its backfill. */
interface Stage {
  pass(article: Article): Promise<void>;
  backfill: WeatherBackfillService;
}

describe('weather backfill: superseded versions and the backlog (real Redis, the fake Open-Meteo)', () => {
  let fake: FakeOpenMeteo;
  let redis: Redis;
  let config: WeatherConfig;
  let sent: Sent[];
  const publisher = { publish: async (_topic: string, payload: unknown) => void sent.push(payload as Sent) } as unknown as EventPublisher;
  /** Runs the handler at once, as the consumer does after parsing. */
  const consumer = { consume: (_topic: string, value: unknown, _ctx: unknown, handler: (event: unknown) => Promise<void>) => handler(value) } as unknown as EventConsumer;

  function stage(attachWeather?: Pick<AttachWeatherService, 'attach'>): Stage {
    const service = new AttachWeatherService(createWeatherProvider(config), new WeatherCache(redis, { currentSeconds: 600, dailySeconds: 10_800, historySeconds: 86_400 }));
    const attach = (attachWeather ?? service) as AttachWeatherService;
    const backfill = new WeatherBackfillService(redis, attach, publisher, config);
    const controller = new AttachWeatherMessageController(consumer, publisher, attach, backfill);
    return {
      backfill,
      pass: async (article) => {
        const payload = { article, enrichment } as ArticleEnrichedPayload;
        await controller.handle(makeEnvelope(TOPICS.articleEnriched, payload), {} as KafkaContext);
      },
    };
  }

  const queue = (suffix: string) => `newsflow:weather:backfill:${config.KAFKA_GROUP_ID}:${suffix}`;
  const queued = () => redis.zrange(queue('due'), 0, -1);
  const gaugeValue = async (name: string) => (await metricsRegistry.getSingleMetric(name)?.get())?.values[0]?.value;
  const backfilled = () => sent.filter((s) => s.weather.backfilledAt);

  beforeAll(async () => {
    fake = await startFakeOpenMeteo();
  });

  beforeEach(() => {
    fake.reset();
    sent = [];
    redis = new Redis(requireEnv('REDIS_URL'), { keyPrefix: `${unique('it-weather-versions')}:`, maxRetriesPerRequest: 2 });
    config = loadWeatherConfig({
      OPEN_METEO_BASE_URL: fake.url, OPEN_METEO_ARCHIVE_BASE_URL: fake.url, KAFKA_GROUP_ID: unique('it-weather-versions'),
      WEATHER_TIMEOUT_MS: '300', WEATHER_RETRIES: '0', WEATHER_BREAKER_THRESHOLD: '1000',
    });
  });

  afterEach(async () => {
    await redis.quit();
  });

  afterAll(async () => {
    await fake.close();
  });

  it('drops the queued version a correction replaced: only the correction is sent with its weather', async () => {
    const { pass, backfill } = stage();
    const v1 = makeArticle({ publishedAt: new Date().toISOString(), headline: 'Ulvenreth Oxby evicted' });
    const v2 = { ...v1, version: 2, headline: 'Tenant evicted' };
    fake.setFailure('http-500');
    await pass(v1);
    expect(await queued()).toEqual([`${v1.id}:1`]);
    // A first version costs no "latest seen" write (most articles never get a second).
    expect(await redis.exists(queue(`latest:${v1.id}`))).toBe(0);
    await pass(v2);
    expect(await redis.get(queue(`latest:${v1.id}`))).toBe('2');
    expect(await queued()).toEqual([`${v1.id}:2`]);
    expect(await redis.exists(queue(`item:${v1.id}:1`))).toBe(0);

    fake.setFailure('none');
    await backfill.tick(Date.now() + DAY_MS);
    expect(backfilled().map((s) => [s.article.version, s.article.headline, s.weather.status])).toEqual([[2, 'Tenant evicted', 'attached']]);
    expect(await queued()).toEqual([]);
  });

  it('drops every queued version of a killed story and sends none of them', async () => {
    const { pass, backfill } = stage();
    const v1 = makeArticle({ publishedAt: new Date().toISOString(), headline: 'Witness named' });
    fake.setFailure('http-500');
    await pass(v1);
    await pass({ ...v1, version: 2, headline: 'Witness named again' });
    expect(await queued()).toEqual([`${v1.id}:2`]);

    await pass({ ...v1, version: 3, pubStatus: 'canceled', headline: 'Story withdrawn', body: 'This story has been withdrawn.' });
    expect(await queued()).toEqual([]);
    expect(await redis.exists(queue(`item:${v1.id}:1`), queue(`item:${v1.id}:2`), queue(`item:${v1.id}:3`))).toBe(0);

    fake.setFailure('none');
    await backfill.tick(Date.now() + DAY_MS);
    expect(backfilled()).toEqual([]);
  });

  it('does not send a version another instance took before the correction passed', async () => {
    const v1 = makeArticle({ publishedAt: new Date().toISOString(), headline: 'Ulvenreth Oxby evicted' });
    let lookupStarted!: () => void;
    const started = new Promise<void>((resolve) => (lookupStarted = resolve));
    let finishLookup!: () => void;
    const lookup = new Promise<void>((resolve) => (finishLookup = resolve));
    const real = new AttachWeatherService(createWeatherProvider(config), new WeatherCache(redis, { currentSeconds: 600, dailySeconds: 10_800, historySeconds: 86_400 }));
    // Instance A's provider answers only once instance B has handled the correction.
    const slow = { attach: async (...args: Parameters<AttachWeatherService['attach']>) => { lookupStarted(); await lookup; return real.attach(...args); } };
    const a = stage(slow);
    const b = stage();

    fake.setFailure('http-500');
    await b.pass(v1);
    expect(await queued()).toEqual([`${v1.id}:1`]);
    fake.setFailure('none');
    const round = a.backfill.tick(Date.now() + DAY_MS);
    await started;
    await b.pass({ ...v1, version: 2, headline: 'Tenant evicted' });
    finishLookup();
    await round;

    expect(sent.map((s) => [s.article.version, s.weather.status, Boolean(s.weather.backfilledAt)])).toEqual([[1, 'unavailable', false], [2, 'attached', false]]);
    expect(await queued()).toEqual([]);
    expect(await redis.exists(queue(`item:${v1.id}:1`))).toBe(0);
  });

  it('does not queue an earlier version replayed after a later one', async () => {
    const { pass, backfill } = stage();
    const v1 = makeArticle({ publishedAt: new Date().toISOString() });
    fake.setFailure('http-500');
    await pass({ ...v1, version: 2 });
    await pass(v1);
    expect(await queued()).toEqual([`${v1.id}:2`]);

    fake.setFailure('none');
    await backfill.tick(Date.now() + DAY_MS);
    expect(backfilled().map((s) => s.article.version)).toEqual([2]);
  });

  it('counts embargoed stories waiting for their release apart from the backlog, and in it once their release has come', async () => {
    const { pass, backfill } = stage();
    const now = Date.now();
    const release = new Date(now + 2 * DAY_MS).toISOString();
    const embargoed = Array.from({ length: 5 }, () => makeArticle({ publishedAt: new Date(now).toISOString(), embargoedUntil: release }));
    fake.setFailure('http-500');
    for (const article of embargoed) await pass(article);
    for (let i = 0; i < 3; i += 1) await pass(makeArticle({ publishedAt: new Date(now).toISOString() }));
    expect(await redis.zcard(queue('due'))).toBe(8);

    // The provider is still down: the three are tried and stay; the five are not due.
    await backfill.tick(now + 120_000);
    expect(await gaugeValue('newsflow_weather_backfill_pending')).toBe(3);
    expect(await gaugeValue('newsflow_weather_release_refresh_pending')).toBe(5);

    // A purge removes one of them from the queue it knows.
    await redis.zrem(queue('due'), `${embargoed[0].id}:1`);
    await backfill.tick(now + 120_000);
    expect(await gaugeValue('newsflow_weather_release_refresh_pending')).toBe(4);

    // The release has come and the provider is down: the four wait for weather like any backfill.
    await backfill.tick(Date.parse(release) + 1000);
    expect(await gaugeValue('newsflow_weather_backfill_pending')).toBe(7);
    expect(await gaugeValue('newsflow_weather_release_refresh_pending')).toBe(0);
  });
});
