import { RunningService, ServiceName, startService, startStages, stageEnv, stopService } from '../support/service-process';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { createSource } from '../support/sources';
import { unique } from '../support/unique';
import { waitFor } from '../support/wait-for';
const { loadSamples, seedArticleRequest } = require('../../samples/load-samples');

interface Highlights {
  headline?: string;
  body: string[];
  matchedTerms: string[];
  matchedWords: string[];
}

interface SearchBody {
  total: number;
  items: { id: string; version: number; headline: string; score: number | null; indexedAt: string; clusterMatches?: number; highlights?: Highlights }[];
  facets: { entities: { id: string; name: string; count: number }[]; places: { name: string }[]; sources: { id: string; count: number }[] };
  nextCursor: string | null;
}

/**
 * The query API end to end: the four services as processes, the seed article and two other samples
 * through the pipeline, then searched, paged and read back by version over the indexer's HTTP API.
 */
describe('search end to end', () => {
  const run = unique('e2e-search');
  // Every read below sends it: the APIs answer only to it, as a deployment beyond its own network runs them.
  const READ_KEY = 'read-key-e2e-search-0123456789';
  const services = {} as Record<ServiceName, RunningService>;
  let env: Record<string, string>;
  let apiKey: string;
  let weatherProvider: FakeOpenMeteo;
  const ids: Record<'seed' | 'london' | 'lyon', string> = { seed: '', london: '', lyon: '' };
  const sample = (file: string) => loadSamples().find((s: { file: string }) => s.file === file).request;

  const submit = async (request: object): Promise<{ id: string; version: number }> => {
    const response = await fetch(`${services.ingest.url}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(request),
    });
    expect(response.status).toBe(202);
    return (await response.json()) as { id: string; version: number };
  };
  const get = (path: string, key: string | null = READ_KEY) => fetch(`${services.indexer.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const indexed = (id: string, version: number) =>
    waitFor(
      async () => {
        const response = await get(`/v1/articles/${id}`);
        return response.ok && ((await response.json()) as { version: number }).version === version;
      },
      { timeoutMs: 120_000, what: `article ${id} v${version} to be indexed` },
    );
  /** Waits until `path` answers `status`: how a refused version shows it has been indexed. */
  const answered = (path: string, status: number) =>
    waitFor(async () => ((await get(path)).status === status ? true : undefined), { timeoutMs: 120_000, what: `${path} to answer ${status}` });
  const problem = async (path: string) => {
    const response = await get(path);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as Record<string, unknown>;
  };
  const search = async (query: string): Promise<SearchBody> => {
    const response = await get(`/v1/search?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SearchBody;
  };
  const expectProblem = async (path: string, status: number, parameter?: string) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as { status: number; parameter?: string };
    expect(body.status).toBe(status);
    if (parameter) expect(body.parameter).toBe(parameter);
  };

  beforeAll(async () => {
    weatherProvider = await startFakeOpenMeteo();
    env = stageEnv(run, weatherProvider.url, { LOG_LEVEL: 'info', READ_API_KEYS: `other-reader-key-000000,${READ_KEY}` });
    await startStages(run, env, services);
    apiKey = await createSource(services.ingest.url, 'sample-wire');

    ids.seed = (await submit({ ...seedArticleRequest(), sourceItemId: `seed-${run}`, publishedAt: new Date().toISOString() })).id;
    const london = sample('london-transport-strike.json');
    ids.london = (await submit({ ...london, sourceItemId: `london-${run}` })).id;
    ids.lyon = (await submit({ ...sample('lyon-festival-des-lumieres.json'), sourceItemId: `lyon-${run}` })).id;
    await Promise.all([indexed(ids.seed, 1), indexed(ids.london, 1), indexed(ids.lyon, 1)]);
    // A correction of the London story becomes version 2; version 1 stays readable.
    const second = await submit({ ...london, sourceItemId: `london-${run}`, body: `${london.body}\n\nUpdate: the strike was called off on Monday.` });
    expect(second).toEqual(expect.objectContaining({ id: ids.london, version: 2 }));
    await indexed(ids.london, 2);
  });

  afterAll(async () => {
    const exits = await Promise.all(Object.values(services).map((s) => stopService(s)));
    expect(exits).toEqual(exits.map(() => 'signal SIGTERM'));
    await weatherProvider?.close();
  });

  it('finds the seed article by q=INTERPOL, by entity=Valdecy Urquiza and near Marrakech', async () => {
    const byText = await search('q=INTERPOL');
    expect(byText.items[0].id).toBe(ids.seed);
    expect(byText.items[0].score).toBeGreaterThan(0);
    expect((await search(`entity=${encodeURIComponent('Valdecy Urquiza')}`)).items.map((i) => i.id)).toEqual([ids.seed]);
    expect((await search('near=31.63,-8.0&radiusKm=50')).items.map((i) => i.id)).toEqual([ids.seed]);
  });

  it('filters, counts facets and pages with a cursor', async () => {
    expect((await search('lang=fr')).items.map((i) => i.id)).toEqual([ids.lyon]);
    expect((await search('q=strike&country=GB')).items.map((i) => i.id)).toEqual([ids.london]);
    expect((await search('entityType=person&place=Marrakech')).items.map((i) => i.id)).toEqual([ids.seed]);
    expect((await search('source=other-wire')).total).toBe(0);

    const all = await search('sort=time&limit=2');
    expect(all.total).toBe(3);
    expect(all.facets.sources).toEqual([{ id: 'sample-wire', count: 3 }]);
    expect(all.facets.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['INTERPOL', 'Valdecy Urquiza']));
    expect(all.nextCursor).toEqual(expect.any(String));
    const next = await search(`sort=time&limit=2&cursor=${all.nextCursor}`);
    expect(next.items).toHaveLength(1);
    expect(next.nextCursor).toBeNull();
    expect(new Set([...all.items, ...next.items].map((i) => i.id))).toEqual(new Set(Object.values(ids)));
    await expectProblem(`/v1/search?q=strike&cursor=${all.nextCursor}`, 400, 'cursor');

    const collapsed = await search('collapse=cluster');
    expect(collapsed.total).toBe(3);
    expect(collapsed.items.map((i) => i.clusterMatches)).toEqual([1, 1, 1]);
    await expectProblem('/v1/search?collapse=source', 400, 'collapse');
  });

  it('answers reads only with a read key, and a desk its own articles\' status with its source key', async () => {
    const missing = await get('/v1/search?q=INTERPOL', null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(await missing.json()).toMatchObject({ status: 401, rule: 'read-key-missing' });
    expect(await (await get(`/v1/articles/${ids.seed}`, 'not-a-read-key-at-all-0000')).json()).toMatchObject({ status: 401, rule: 'read-key-invalid' });
    expect((await get('/v1/index', null)).status).toBe(401);
    expect((await get('/v1/search?q=INTERPOL', 'other-reader-key-000000')).status).toBe(200);
    expect((await get('/health/ready', null)).status).toBe(200);

    const status = (key: string | null) =>
      fetch(`${services.ingest.url}/v1/articles/${ids.seed}/status`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    expect((await status(null)).status).toBe(401);
    // Ingest records the indexed step from the final topic, a moment after the indexer answers.
    const own = await waitFor(async () => {
      const body = (await (await status(apiKey)).json()) as { stage?: string };
      return body.stage === 'indexed' ? body : undefined;
    }, { timeoutMs: 60_000, what: 'the seed article\'s status to say indexed' });
    expect(own).toMatchObject({ id: ids.seed, sourceId: 'sample-wire', stage: 'indexed' });
    expect((await status(READ_KEY)).status).toBe(200);
    const otherDesk = await createSource(services.ingest.url, `other-desk-${run}`);
    expect((await status(otherDesk)).status).toBe(404);
  });

  it('reads every version back, and answers a missing one with 404 problem+json', async () => {
    const latest = (await (await get(`/v1/articles/${ids.london}`)).json()) as { version: number; article: { body: string } };
    expect(latest.version).toBe(2);
    expect(latest.article.body).toContain('called off');
    const first = (await (await get(`/v1/articles/${ids.london}?version=1`)).json()) as { version: number; article: { body: string } };
    expect(first.version).toBe(1);
    expect(first.article.body).not.toContain('called off');
    expect((await search('q=strike')).items.find((i) => i.id === ids.london)?.version).toBe(2);
    await expectProblem(`/v1/articles/${ids.london}?version=9`, 404);
    await expectProblem(`/v1/articles/${ids.london}?version=abc`, 400, 'version');
    await expectProblem('/v1/articles/not-a-uuid', 400, 'id');
  });

  it('marks why each hit matched with highlight=true: the accented spelling a folded query finds, from the version listed', async () => {
    const lyon = (await search('q=fete%20lumieres&highlight=true')).items.find((i) => i.id === ids.lyon);
    expect(lyon?.highlights).toEqual({
      headline: 'Lyon se prépare pour la <mark>Fête</mark> des <mark>Lumières</mark>',
      body: [expect.stringContaining('la <mark>Fête</mark> des <mark>Lumières</mark>, qui attire')],
      matchedTerms: ['fete', 'lumieres'],
      matchedWords: ['Fête', 'Lumières'],
    });
    // Only version 2 of the London story says it was called off; the hit is version 2, and so is its text.
    const london = (await search('q=called%20off&highlight=true')).items.find((i) => i.id === ids.london);
    expect(london).toMatchObject({ version: 2, highlights: { body: [expect.stringContaining('the strike was <mark>called</mark> off')], matchedTerms: ['called'] } });
    expect(london?.highlights?.headline).toBeUndefined();
    // Off by default; refused with a value it does not know, or without q.
    expect((await search('q=fete')).items[0]).not.toHaveProperty('highlights');
    await expectProblem('/v1/search?q=fete&highlight=yes', 400, 'highlight');
    await expectProblem('/v1/search?highlight=true', 400, 'highlight');
    // The page after a highlighted one may be asked for without highlights: the cursor is the same search.
    const first = await search('sort=time&q=strike%20fete%20interpol&limit=1&highlight=true');
    expect(first.items[0].highlights?.matchedTerms.length).toBeGreaterThan(0);
    expect((await search(`sort=time&q=strike%20fete%20interpol&limit=1&cursor=${first.nextCursor}`)).items).toHaveLength(1);
  });

  it('refuses operator injection, regex bombs and huge values with 400 or answers normally', async () => {
    await expectProblem('/v1/search?entity[$gt]=', 400, 'entity[$gt]');
    await expectProblem('/v1/search?source=a&source=b', 400, 'source');
    await expectProblem('/v1/search?near=abc', 400, 'near');
    await expectProblem('/v1/search?radiusKm=5', 400, 'radiusKm');
    await expectProblem(`/v1/search?q=${'x'.repeat(2_000)}`, 400, 'q');
    await expectProblem(`/v1/search?q=${'x'.repeat(100_000)}`, 400);
    expect((await search(`entity=${encodeURIComponent('{"$gt":""}')}`)).total).toBe(0);
    expect((await search(`q=${encodeURIComponent('(a+)+$')}`)).total).toBe(0);
    expect((await search(`q=${encodeURIComponent('{"$where":"sleep(10000)"} INTERPOL')}`)).items[0].id).toBe(ids.seed);
  });

  const released: Record<'killed' | 'embargoed', string> = { killed: '', embargoed: '' };

  it('takes a killed story out of search and by-id reads, and keeps an embargoed one out of both until its time', async () => {
    const story = { sourceItemId: `quake-${run}`, headline: 'Zephyrquake toll rises', body: 'Rescuers searched the rubble on Monday for survivors of the zephyrquake.' };
    released.killed = (await submit(story)).id;
    await indexed(released.killed, 1);
    expect((await search('q=zephyrquake')).items.map((i) => i.id)).toEqual([released.killed]);
    // The kill: the same copy with pubstatus canceled is the next version, not a duplicate.
    expect(await submit({ ...story, pubStatus: 'canceled' })).toMatchObject({ version: 2 });
    // Once the kill is indexed, the story is gone by id too, in every version, and the answer says why.
    await answered(`/v1/articles/${released.killed}`, 410);
    expect((await search('q=zephyrquake')).total).toBe(0);
    expect(await problem(`/v1/articles/${released.killed}`)).toMatchObject({ status: 410, rule: 'canceled' });
    expect(await problem(`/v1/articles/${released.killed}?version=1`)).toMatchObject({ status: 410, rule: 'canceled' });
    expect(JSON.stringify(await problem(`/v1/articles/${released.killed}`))).not.toContain('Rescuers');

    const until = new Date(Date.now() + 60 * 60_000).toISOString();
    released.embargoed = (await submit({ sourceItemId: `budget-${run}`, headline: 'Quorblat budget figures', body: 'The quorblat budget will be presented on Wednesday.', embargoedUntil: until })).id;
    await answered(`/v1/articles/${released.embargoed}`, 403);
    expect((await search('q=quorblat')).total).toBe(0);
    const embargoed = await problem(`/v1/articles/${released.embargoed}`);
    expect(embargoed).toMatchObject({ status: 403, rule: 'embargoed', embargoedUntil: until });
    expect(JSON.stringify(embargoed)).not.toContain('presented on Wednesday');
  });

  it('rebuilds the search index from MongoDB when the indexer restarts', async () => {
    expect(await stopService(services.indexer)).toBe('signal SIGTERM');
    services.indexer = await startService('indexer', { ...env, KAFKA_GROUP_ID: `${run}-indexer` });
    expect((await search('q=INTERPOL')).items[0].id).toBe(ids.seed);
    expect((await search('q=strike')).items.find((i) => i.id === ids.london)?.version).toBe(2);
    // Killed and embargoed stay out of the listing after a reload too.
    expect((await search('q=zephyrquake')).total).toBe(0);
    expect((await search('q=quorblat')).total).toBe(0);
  });

  it('lists what was indexed since a poll, with when each hit was indexed, after a reload too', async () => {
    const since = new Date().toISOString();
    const { id } = await submit({ sourceItemId: `poll-${run}`, headline: 'Flarnwick council votes', body: 'The flarnwick council voted on Monday.' });
    await indexed(id, 1);
    const changed = await search(`indexedSince=${encodeURIComponent(since)}`);
    expect(changed.items.map((i) => i.id)).toEqual([id]);
    expect(Date.parse(changed.items[0].indexedAt)).toBeGreaterThanOrEqual(Date.parse(since));
    await expectProblem('/v1/search?indexedSince=yesterday', 400, 'indexedSince');
  });
});
