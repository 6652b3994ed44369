import { parseEvent, TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { Kafka, logLevel } from 'kafkajs';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { RunningService, startService, stopService } from '../support/service-process';
import { TopicReader } from '../support/topic-reader';
import { requireEnv, unique } from '../support/unique';

/** The weather provider is down when an article passes; when it is back, the weather is backfilled and the article republished. */
describe('weather backfill', () => {
  const run = unique('e2e-backfill');
  let provider: FakeOpenMeteo;
  let weather: RunningService;
  let output: TopicReader;

  beforeAll(async () => {
    provider = await startFakeOpenMeteo({ failure: 'http-500' });
    weather = await startService('weather', {
      KAFKA_GROUP_ID: run,
      OPEN_METEO_BASE_URL: provider.url,
      OPEN_METEO_ARCHIVE_BASE_URL: provider.url,
      WEATHER_RETRIES: '0',
      WEATHER_BREAKER_HALF_OPEN_MS: '200',
      WEATHER_BACKFILL_INTERVAL_MS: '300',
    });
    output = await TopicReader.start([TOPICS.articleWeatherAttached]);
  });

  afterAll(async () => {
    await output?.stop();
    if (weather) await stopService(weather);
    await provider?.close();
  });

  it('moves the article on as unavailable, then republishes it with the weather once the provider recovers', async () => {
    // A place no earlier run has cached.
    const lat = Number((10 + Math.random() * 40).toFixed(2));
    const lon = Number((-60 + Math.random() * 40).toFixed(2));
    const article = makeArticle({ publishedAt: new Date().toISOString() });
    const enrichment = {
      status: 'enriched' as const, language: 'en', entities: [], enricherVersion: 'test', enrichedAt: new Date().toISOString(),
      primaryLocation: { name: `Testville ${run}`, lat, lon, confidence: 0.9, reason: 'dateline' },
    };
    const producer = new Kafka({ clientId: run, brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.articleEnriched,
      messages: [{ key: article.id, value: JSON.stringify(makeEnvelope(TOPICS.articleEnriched, { article, enrichment })) }],
    });
    await producer.disconnect();

    const weatherOf = (value: string | null) => parseEvent(TOPICS.articleWeatherAttached, JSON.parse(value ?? 'null')).payload.weather;
    const first = await output.waitForMessage((m) => m.key === article.id, 'the article with unavailable weather');
    expect(weatherOf(first.value)).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/500|UPSTREAM|PROVIDER/i) });

    provider.setFailure('none');
    const second = await output.waitForMessage(
      (m) => m.key === article.id && weatherOf(m.value).status === 'attached',
      'the article republished with backfilled weather',
    );
    const backfilled = weatherOf(second.value);
    expect(backfilled.backfilledAt).toBeDefined();
    expect(backfilled.location).toMatchObject({ lat, lon });
    expect(backfilled.daily?.length).toBe(6);
    expect(output.messages.filter((m) => m.key === article.id)).toHaveLength(2);
  });
});
