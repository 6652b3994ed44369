import { parseEvent, TOPICS } from '@newsflow/contracts';
import { RunningService, ServiceName, startStages, stageEnv, stopService } from '../support/service-process';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { createSource } from '../support/sources';
import { TopicReader } from '../support/topic-reader';
import { unique } from '../support/unique';
const { seedArticleRequest } = require('../../samples/load-samples');

/**
 * A story holding a long run of capitalised place names (a tour's stops, a table of towns flattened
 * into text) once took the enricher's one extraction worker 40 s at 8 KB and hours at 100 KB, and every
 * article behind it waited. Now both are enriched, and the ordinary story right behind them goes
 * through promptly.
 */
describe('articles with long runs of place names', () => {
  const run = unique('e2e-runs');
  const services = {} as Record<ServiceName, RunningService>;
  let reader: TopicReader;
  let apiKey: string;
  let weatherProvider: FakeOpenMeteo;

  beforeAll(async () => {
    weatherProvider = await startFakeOpenMeteo();
    await startStages(run, stageEnv(run, weatherProvider.url), services);
    reader = await TopicReader.start([TOPICS.articleIndexed]);
    apiKey = await createSource(services.ingest.url, 'sample-wire');
  });

  afterAll(async () => {
    await reader?.stop();
    await Promise.all(Object.values(services).map((s) => stopService(s)));
    await weatherProvider?.close();
  });

  const submit = async (sourceItemId: string, fields: { headline: string; body: string }) => {
    const request = { ...seedArticleRequest(), sourceItemId: `${sourceItemId}-${run}`, language: 'en', publishedAt: new Date().toISOString(), ...fields };
    const response = await fetch(`${services.ingest.url}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(request),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  };
  const indexed = async (id: string) =>
    parseEvent(TOPICS.articleIndexed, JSON.parse((await reader.waitForMessage((m) => m.key === id, `article ${id} indexed`, 120_000)).value ?? 'null'));

  it('enriches an 8 KB and a 96 KB run of "Paris", and the story behind them is not held up', async () => {
    const tour = (n: number) => 'Officials said on Monday that the tour will stop in ' + 'Paris '.repeat(n) + 'and then end. The organisers said it was a success.';
    const started = Date.now();
    const small = await submit('paris-8k', { headline: 'Tour dates', body: tour(1_333) });
    const large = await submit('paris-96k', { headline: 'Tour dates', body: tour(16_000) });
    const normal = await submit('normal', { headline: 'Rates held', body: 'LONDON (Reuters) - The Bank of England held interest rates on Thursday, Governor Andrew Bailey said.' });

    const behind = await indexed(normal);
    // Behind the 8 KB one alone it used to take 30-40 s (the worker was busy and the group was evicted).
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(behind.payload.enrichment.status).toBe('enriched');
    expect(behind.payload.enrichment.primaryLocation).toMatchObject({ name: 'London' });
    for (const id of [small, large]) {
      const { enrichment } = (await indexed(id)).payload;
      expect(enrichment.status).toBe('enriched');
      expect(enrichment.entities.filter((e) => e.type === 'place').map((e) => e.name)).toEqual(['Paris']);
    }
  });
});
