import { parseEvent, TOPICS } from '@newsflow/contracts';
import { traceIdOf } from '@newsflow/messaging';
import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import { RunningService, ServiceName, startStages, stageEnv, stopService } from '../support/service-process';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { createSource } from '../support/sources';
import { TopicReader } from '../support/topic-reader';
import { mongoUriWithDatabase, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';
const { seedArticleRequest } = require('../../samples/load-samples');

/**
 * The walking skeleton end to end: the four services as separate processes, the seed article
 * POSTed to ingest, and the finished article read back from the final topic and from MongoDB.
 */
describe('pipeline end to end', () => {
  const run = unique('e2e');
  const database = run.replace(/-/g, '_');
  const services = {} as Record<ServiceName, RunningService>;
  let reader: TopicReader;
  let apiKey: string;
  let weatherProvider: FakeOpenMeteo;

  beforeAll(async () => {
    weatherProvider = await startFakeOpenMeteo();
    const env = stageEnv(run, weatherProvider.url, { LOG_LEVEL: 'info', NEWSFLOW_RELEASE: 'e2e-1' });
    await startStages(run, env, services);
    reader = await TopicReader.start([TOPICS.articleIndexed]);
    apiKey = await createSource(services.ingest.url, 'sample-wire');
  });

  afterAll(async () => {
    await reader?.stop();
    const exits = await Promise.all(Object.values(services).map((s) => stopService(s)));
    expect(exits).toEqual(exits.map(() => 'signal SIGTERM'));
    await weatherProvider?.close();
  });

  it('carries the seed article through every stage to the final topic and the index', async () => {
    // The seed as the wire sent it (Monday 2025-11-24): its day is over, so it gets what was observed then.
    const request = { ...seedArticleRequest(), sourceItemId: `seed-${run}` };
    const correlationId = randomUUID();
    const traceparent = `00-${randomUUID().replace(/-/g, '')}-${'1'.repeat(16)}-01`;

    const response = await fetch(`${services.ingest.url}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, 'x-correlation-id': correlationId, traceparent },
      body: JSON.stringify(request),
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const accepted = (await response.json()) as { id: string; version: number; statusUrl: string; correlationId: string };
    expect(accepted.version).toBe(1);
    expect(accepted.correlationId).toBe(correlationId);

    const message = await reader.waitForMessage((m) => m.key === accepted.id, `article ${accepted.id} on ${TOPICS.articleIndexed}`);
    const event = parseEvent(TOPICS.articleIndexed, JSON.parse(message.value ?? 'null'));
    expect(event.correlationId).toBe(correlationId);
    expect(traceIdOf(event.traceparent)).toBe(traceIdOf(traceparent));
    // The deployed release beside the package version, so a rollout's old and new instances differ.
    expect(event.producer).toMatch(/^indexer@\d+\.\d+\.\d+\+e2e-1$/);
    expect(message.headers['event-type']).toBe('article.indexed');
    expect(event.payload.article.headline).toBe(request.headline);
    expect(event.payload.article.body).toContain('Major General Ahmed Naser Al-Raisi');
    expect(event.payload.indexing.collection).toBe('search_articles');

    // The golden case: the seed's people, organisations, places, event and dates…
    const { enrichment, weather } = event.payload;
    expect(enrichment.status).toBe('enriched');
    const named = (type: string) => enrichment.entities.filter((e) => e.type === type).map((e) => e.name);
    expect(named('person')).toEqual(expect.arrayContaining(['Ahmed Naser Al-Raisi', 'Mohammed VI', 'Valdecy Urquiza']));
    expect(named('organization')).toContain('INTERPOL');
    expect(enrichment.entities.find((e) => e.name === 'INTERPOL')?.surfaceForms).toContain('ICPO–INTERPOL');
    expect(named('place')).toEqual(expect.arrayContaining(['Marrakech', 'Morocco']));
    expect(named('event').some((name) => /93rd INTERPOL General Assembly/.test(name))).toBe(true);
    // "November 24 to 27", resolved against the publication date.
    expect(enrichment.entities.filter((e) => e.type === 'date').map((e) => e.id)).toContainEqual(expect.stringMatching(/^date:\d{4}-11-24-\d{4}-11-27$/));
    expect(enrichment.primaryLocation).toMatchObject({ name: 'Marrakech', countryCode: 'MA' });
    expect(enrichment.primaryLocation?.lat).toBeCloseTo(31.63, 1);
    expect(enrichment.primaryLocation?.lon).toBeCloseTo(-8.01, 1);
    // …and Marrakech's observed weather that Monday: light rain, 8.9–14.2 °C.
    expect(weather).toMatchObject({ status: 'attached', kind: 'observed', location: { name: 'Marrakech', timezone: 'Africa/Casablanca' } });
    expect(weather.current).toBeUndefined();
    expect(weather.daily?.map((d) => [d.date, d.weekday, d.temperatureMin, d.temperatureMax, d.condition])).toEqual([['2025-11-24', 'Mon', 8.9, 14.2, 'light rain']]);

    const connection = await mongoose.createConnection(mongoUriWithDatabase(database)).asPromise();
    try {
      const stored = await connection.collection('search_articles').findOne({ _id: accepted.id as never });
      expect(stored).toMatchObject({ version: 1, headline: request.headline, sourceId: 'sample-wire' });
      // The complete article is stored as its JSON text (stored-search-document.ts).
      expect(typeof stored?.document).toBe('string');
      expect(Object.keys(JSON.parse(stored?.document as string)).sort()).toEqual(['article', 'enrichment', 'weather']);
    } finally {
      await connection.close();
    }

    const indexed = await fetch(`${services.indexer.url}/v1/articles/${accepted.id}`);
    expect(indexed.status).toBe(200);
    expect(((await indexed.json()) as { article: { id: string } }).article.id).toBe(accepted.id);

    const status = await waitFor(
      async () => {
        const body = (await (await fetch(`${services.ingest.url}${accepted.statusUrl}`)).json()) as { stage: string; steps: object };
        return body.stage === 'indexed' ? body : undefined;
      },
      { what: 'ingest status to reach indexed' },
    );
    expect(Object.keys(status.steps).sort()).toEqual(['enriched', 'indexed', 'received', 'weather']);
  });

  it('answers a resubmission of the same story as a duplicate without a new version', async () => {
    const request = { ...seedArticleRequest(), sourceItemId: `dup-${run}` };
    const post = () =>
      fetch(`${services.ingest.url}/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify(request),
      });
    const first = await post();
    expect(first.status).toBe(202);
    const second = await post();
    expect(second.status).toBe(200);
    const body = (await second.json()) as { duplicate: boolean; version: number };
    expect(body).toMatchObject({ duplicate: true, version: 1 });
  });

  it('refuses an invalid article with a problem+json answer that names the field', async () => {
    const response = await fetch(`${services.ingest.url}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ source: 'sample-wire', sourceItemId: 'x', body: 'text only' }),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ field: 'headline', rule: 'required', status: 422 });
  });

  it('carries a story of 1.5 MB to the final topic, and refuses before storing one the pipeline could not carry', async () => {
    const post = (body: object) => fetch(`${services.ingest.url}/v1/articles`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify(body),
    });
    // Over Kafka's default 1 MB once as text and as HTML: accepted, and then lost at a later stage, before topics took 8 MiB.
    const paragraph = 'Officials in Marrakech said on Monday that the INTERPOL General Assembly would continue as planned. ';
    const body = Array.from({ length: 15_000 }, () => paragraph).join('\n\n');
    const large = await post({ source: 'sample-wire', sourceItemId: `large-${run}`, headline: 'A very long report', body, publishedAt: new Date().toISOString() });
    expect(large.status).toBe(202);
    const { id } = (await large.json()) as { id: string };
    const message = await reader.waitForMessage((m) => m.key === id, `the 1.5 MB article ${id} on ${TOPICS.articleIndexed}`);
    expect(parseEvent(TOPICS.articleIndexed, JSON.parse(message.value ?? 'null')).payload.article.body).toBe(body.trim());

    // Refused with the field named, not stored and then answered 503 on every retry.
    const longId = `long-${'x'.repeat(600)}`;
    const refused = await post({ source: 'sample-wire', sourceItemId: longId, headline: 'H', body: 'B' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ field: 'sourceItemId', rule: 'contract' });
  });

  it('serves health, metrics and OpenAPI on every service', async () => {
    for (const service of Object.values(services)) {
      const ready = (await (await fetch(`${service.url}/health/ready`)).json()) as { status: string; info: object };
      expect(ready.status).toBe('ok');
      expect(Object.keys(ready.info)).toEqual(expect.arrayContaining(['lifecycle', 'kafka', 'redis']));
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      expect(metrics).toContain('process_resident_memory_bytes');
      const docs = await fetch(`${service.url}/docs/openapi.json`);
      expect(docs.status).toBe(200);
    }
    const ingestMetrics = await (await fetch(`${services.ingest.url}/metrics`)).text();
    expect(ingestMetrics).toMatch(/newsflow_messages_produced_total\{[^}]*topic="news.articles.received.v1"[^}]*\} [1-9]/);
  });
});
