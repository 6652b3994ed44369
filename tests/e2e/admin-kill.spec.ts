import { parseEvent, TOPICS } from '@newsflow/contracts';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { RunningService, ServiceName, startStages, stageEnv, stopService } from '../support/service-process';
import { ADMIN_API_KEY, createSource } from '../support/sources';
import { TopicReader } from '../support/topic-reader';
import { unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

/**
 * An operator's takedown end to end: the four services as processes, a story submitted and indexed,
 * then killed with the admin key (no source key): the kill runs through the pipeline as a source's
 * would, the indexer refuses every version, search drops it, and the final topic carries the kill
 * without any of the story's copy.
 */
describe('admin kill end to end', () => {
  const run = unique('e2e-admin-kill');
  const services = {} as Record<ServiceName, RunningService>;
  let weatherProvider: FakeOpenMeteo;
  let reader: TopicReader;
  let apiKey: string;
  let id: string;
  // Words found nowhere else, so any of them on the final topic can only be the story's copy.
  const headline = `Quarrymen ${run} dispute Brackenfold zoning verdict`;
  const body = `GENEVA (Reuters) - Quarrymen in Brackenfold contested the zoning verdict ${run} on Tuesday, `
    + 'saying the Thistlewaite commission ignored their petition.';
  // The run id is in the source and item ids too, which the kill keeps; every other long word is copy.
  const copyWords = [...new Set(`${headline} ${body}`.replaceAll(run, ' ').split(/[^A-Za-z0-9]+/))].filter((w) => w.length >= 6 && !['Reuters', 'GENEVA'].includes(w));

  const kill = (articleId: string, key: string | null = ADMIN_API_KEY, reason?: string) =>
    fetch(`${services.ingest.url}/v1/admin/articles/${articleId}/kill`, {
      method: 'POST',
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(reason ? { 'content-type': 'application/json' } : {}) },
      ...(reason ? { body: JSON.stringify({ reason }) } : {}),
    });
  const indexer = (path: string) => fetch(`${services.indexer.url}${path}`);
  const answers = (path: string, status: number) =>
    waitFor(async () => ((await indexer(path)).status === status ? true : undefined), { timeoutMs: 120_000, what: `${path} to answer ${status}` });
  const searchIds = async (query: string): Promise<string[]> => {
    const response = await indexer(`/v1/search?${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { id: string }[] }).items.map((i) => i.id);
  };
  const expectProblem = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { status: number }).status).toBe(status);
  };

  beforeAll(async () => {
    weatherProvider = await startFakeOpenMeteo();
    // The stages create the topics: on a fresh broker the reader could not subscribe before them.
    await startStages(run, stageEnv(run, weatherProvider.url, { LOG_LEVEL: 'info' }), services);
    reader = await TopicReader.start([TOPICS.articleIndexed]);
    apiKey = await createSource(services.ingest.url, `kill-wire-${run}`);
    const response = await fetch(`${services.ingest.url}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ sourceItemId: `story-${run}`, headline, body, language: 'en', byline: 'Hildegard Okonkwo-Brask', url: 'https://wire.example/brackenfold',
        publishedAt: new Date().toISOString() }),
    });
    expect(response.status).toBe(202);
    id = ((await response.json()) as { id: string }).id;
    await waitFor(async () => (await indexer(`/v1/articles/${id}`)).ok || undefined, { timeoutMs: 120_000, what: `article ${id} to be indexed` });
    expect(await searchIds('q=Brackenfold')).toContain(id);
  });

  afterAll(async () => {
    await reader?.stop();
    const exits = await Promise.all(Object.values(services).map((s) => stopService(s)));
    expect(exits).toEqual(exits.map(() => 'signal SIGTERM'));
    await weatherProvider?.close();
  });

  it('refuses a kill without the admin key', async () => {
    await expectProblem(await kill(id, null), 401);
    await expectProblem(await kill(id, 'not-the-admin-key'), 401);
    await expectProblem(await kill(id, apiKey), 401);
  });

  it('answers 404 for an unknown article', async () => {
    await expectProblem(await kill('6f1c5e0a-8d2b-5c4e-9a57-2f0d8b1e3c74'), 404);
  });

  it('kills the story: a canceled version without its copy, gone from reads and search, and on the final topic', async () => {
    const response = await kill(id, ADMIN_API_KEY, 'Court order 2026/0042');
    expect(response.status).toBe(202);
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ id, version: 2, pubStatus: 'canceled', statusUrl: `/v1/articles/${id}/status` });

    await answers(`/v1/articles/${id}`, 410);
    await answers(`/v1/articles/${id}?version=1`, 410);
    expect(await searchIds('q=Brackenfold')).not.toContain(id);
    expect(await searchIds('q=withdrawn')).not.toContain(id);

    const message = await reader.waitForMessage((m) => m.key === id && m.headers['article-version'] === '2', `the kill of ${id} on ${TOPICS.articleIndexed}`, 120_000);
    const event = parseEvent(TOPICS.articleIndexed, JSON.parse(message.value ?? 'null'));
    const { article } = event.payload;
    expect(article).toMatchObject({ id, version: 2, pubStatus: 'canceled', headline: 'Story withdrawn', sourceItemId: `story-${run}` });
    expect(article.body).toBe('This story has been withdrawn.\n\nReason: Court order 2026/0042');
    for (const field of ['summary', 'bodyHtml', 'byline', 'url', 'media', 'dateline'] as const) expect(article[field]).toBeUndefined();
    // Nothing of the copy anywhere in the event: article, enrichment, weather, indexing.
    const published = message.value ?? '';
    expect(copyWords.length).toBeGreaterThan(5);
    for (const word of [...copyWords, 'Hildegard', 'wire.example']) expect(published).not.toContain(word);
  });

  it('answers a second kill with the same canceled version', async () => {
    const again = await kill(id, ADMIN_API_KEY, 'another reason');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id, version: 2, pubStatus: 'canceled', statusUrl: `/v1/articles/${id}/status` });
    // Nothing new was made: ingest's latest version is still the kill, tracked through to the index.
    const status = await waitFor(async () => {
      const body = (await (await fetch(`${services.ingest.url}/v1/articles/${id}/status`)).json()) as { version: number; stage: string };
      return body.stage === 'indexed' ? body : undefined;
    }, { timeoutMs: 60_000, what: `ingest's status of ${id} to reach indexed` });
    expect(status).toMatchObject({ id, version: 2, stage: 'indexed' });
  });
});
