import { TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, RunningService, ServiceName, startStages, stageEnv, stopService } from '../support/service-process';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { createSource } from '../support/sources';
import { TopicReader } from '../support/topic-reader';
import { requireEnv, unique } from '../support/unique';

type Json = Record<string, unknown>;
const NINJS = join(REPO_ROOT, 'services', 'ingest', 'src', 'articles', 'formats', 'fixtures', 'interpol.ninjs.json');

/**
 * A newer release upstream of this one: what it added to the article, and a section of a stage this
 * release does not know, cross enricher, weather and indexer unchanged (the consumed bytes, with each
 * stage's section appended), reach the final topic and are served by the indexer. Before, the first
 * stage stripped them, and a newer ingest's kills and embargoes were lost for good behind an old
 * stage. What a desk sends that the canonical article does not have never gets in, though: ingest
 * maps a submission field by field and lists the rest back as ignored.
 */
describe('events of a newer release through this one', () => {
  const run = unique('e2e-fwd');
  const services = {} as Record<ServiceName, RunningService>;
  let reader: TopicReader;
  let producer: Producer;
  let weatherProvider: FakeOpenMeteo;
  let apiKey: string;

  beforeAll(async () => {
    weatherProvider = await startFakeOpenMeteo();
    await startStages(run, stageEnv(run, weatherProvider.url, { LOG_LEVEL: 'info' }), services);
    reader = await TopicReader.start([TOPICS.articleReceived, TOPICS.articleIndexed]);
    producer = new Kafka({ clientId: run, brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    apiKey = await createSource(services.ingest.url, 'sample-wire');
  });

  afterAll(async () => {
    await producer?.disconnect();
    await reader?.stop();
    await Promise.all(Object.values(services).map((s) => stopService(s)));
    await weatherProvider?.close();
  });

  it('carries an unknown article field and an unknown payload section to the final topic and the article API unchanged', async () => {
    const article = {
      ...makeArticle({
        source: { id: 'sample-wire', name: 'Sample Wire' },
        headline: 'Marrakech hosts the INTERPOL General Assembly',
        body: 'MARRAKECH, Morocco (AP) — Police chiefs from around the world met in Marrakech on Monday.',
        media: [{ url: 'https://example.com/marrakech.jpg', caption: 'Marrakech', futureField: { focalPoint: [0.4, 0.6] } } as never],
      }),
      futureField: { desk: 'world', priority: 2 },
    };
    (article.source as Json).futureRegion = 'EMEA';
    const payload = { article, futureSection: { by: 'a later stage', tags: ['x', 'y'], score: 0.25 } };
    const value = JSON.stringify(makeEnvelope(TOPICS.articleReceived, payload as never, { producer: 'ingest@9.9.9' }));
    await producer.send({ topic: TOPICS.articleReceived, messages: [{ key: article.id, value }] });

    const message = await reader.waitForMessage((m) => m.topic === TOPICS.articleIndexed && m.key === article.id, `article ${article.id} on ${TOPICS.articleIndexed}`);
    const text = message.value ?? '';
    // Each stage appended its section to the bytes it consumed: the received payload is there byte for byte.
    expect(text).toContain(`"payload":${JSON.stringify(payload).slice(0, -1)},"enrichment":`);
    const final = JSON.parse(text) as { producer: string; payload: Json };
    expect(final.producer).toMatch(/^indexer@/);
    expect(Object.keys(final.payload)).toEqual(['article', 'futureSection', 'enrichment', 'weather', 'indexing']);
    expect(final.payload.article).toEqual(article);
    expect(final.payload.futureSection).toEqual(payload.futureSection);

    const served = await fetch(`${services.indexer.url}/v1/articles/${article.id}`);
    expect(served.status).toBe(200);
    const body = (await served.json()) as Json & { article: Json };
    expect(body.article).toEqual(article);
    expect(body.futureSection).toEqual(payload.futureSection);
  });

  it('lists a desk\'s unknown fields (native JSON and ninjs) as ignored and leaves them out of the received event', async () => {
    const submit = async (contentType: string, document: Json) => {
      const response = await fetch(`${services.ingest.url}/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${apiKey}` },
        body: JSON.stringify(document),
      });
      expect(response.status).toBe(202);
      const accepted = (await response.json()) as { id: string; ignoredFields: string[] };
      const message = await reader.waitForMessage((m) => m.topic === TOPICS.articleReceived && m.key === accepted.id, `article ${accepted.id} on ${TOPICS.articleReceived}`);
      return { ignoredFields: accepted.ignoredFields, text: message.value ?? '', article: (JSON.parse(message.value ?? 'null') as { payload: { article: Json } }).payload.article };
    };

    const native = await submit('application/json', {
      source: 'sample-wire', sourceItemId: `native-${run}`, headline: 'Rain in Marrakech', body: 'MARRAKECH — It rained on Monday.',
      media: [{ url: 'https://example.com/rain.jpg', caption: 'Rain', futureField: 'not ours' }],
      futureField: { desk: 'world' },
    });
    expect(native.ignoredFields).toContain('futureField');
    expect(native.text).not.toContain('futureField');
    expect(native.article.media).toEqual([{ url: 'https://example.com/rain.jpg', caption: 'Rain' }]);

    const ninjs = JSON.parse(readFileSync(NINJS, 'utf8').replace(/interpol-ga-93/g, `interpol-ga-93-${run}`)) as Json;
    const sent = await submit('application/ninjs+json', { ...ninjs, futureField: 'not ours either' });
    expect(sent.ignoredFields).toContain('futureField');
    expect(sent.text).not.toContain('futureField');
    expect(sent.article).toMatchObject({ format: 'ninjs', headline: 'Marrakech Hosts 93rd INTERPOL General Assembly' });
  });
});
