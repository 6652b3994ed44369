import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ArticleWeatherAttachedPayload, TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { toSearchDocument } from '../../services/indexer/src/index/search-document';
import { REPO_ROOT, RunningService, startService, stopService } from '../support/service-process';
import { mongoUriWithDatabase, requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

const SEEDED = 1500;
const WRITTEN_DURING = 150;
const UPDATED_DURING = 50;

function payload(n: number, version = 1, id?: string): ArticleWeatherAttachedPayload {
  const article = makeArticle({
    ...(id ? { id } : {}),
    version,
    headline: `Harbour authority report ${n}${version > 1 ? ' (updated)' : ''}`,
    body: `CASABLANCA - The harbour authority published report number ${n} on shipping traffic in the port.`,
  });
  return {
    article,
    enrichment: {
      status: 'enriched', language: 'en', primaryLocation: null, enricherVersion: 't', enrichedAt: new Date().toISOString(),
      entities: [{
        id: 'place:2553604', type: 'place', name: 'Casablanca', surfaceForms: ['CASABLANCA'], mentions: [], mentionCount: 1, salience: 0.9,
        geo: { lat: 33.59, lon: -7.62, countryCode: 'MA' },
      }],
    },
    weather: { status: 'no-location' },
  };
}

interface Status { collection: string; articles: number; building?: string; rebuilding?: object }

/**
 * `npm run reindex` against a live indexer process: searches keep being answered (never with fewer
 * results than the index held) while articles and new versions keep arriving through Kafka, and once
 * the switch is done the new collection holds every article, re-derived, and the indexer serves it.
 * The seeded documents lack `countryCodes`, as if written by an older indexer, so `country=MA` finds
 * them only after the rebuild.
 */
describe('reindex into a new collection with no gap in service', () => {
  const run = unique('e2e-reindex');
  const database = run.replace(/-/g, '_');
  const uri = mongoUriWithDatabase(database);
  let connection: Connection;
  let producer: Producer;
  let indexer: RunningService;
  const seeded = Array.from({ length: SEEDED }, (_, n) => payload(n));

  const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${indexer.url}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  };
  const total = async (query: string) => (await get<{ total: number }>(`/v1/search?${query}&limit=1`)).body.total;
  const publish = (p: ArticleWeatherAttachedPayload) => producer.send({
    topic: TOPICS.articleWeatherAttached, acks: -1,
    messages: [{ key: p.article.id, value: JSON.stringify(makeEnvelope(TOPICS.articleWeatherAttached, p)) }],
  });

  beforeAll(async () => {
    connection = await mongoose.createConnection(uri).asPromise();
    // Indexed a day ago by an indexer that did not derive countries yet.
    const yesterday = new Date(Date.now() - 86_400_000);
    const stale = seeded.map((p) => ({ ...toSearchDocument(p, yesterday), countryCodes: [] }));
    for (let i = 0; i < stale.length; i += 500) await connection.collection('search_articles').insertMany(stale.slice(i, i + 500) as never[]);
    producer = new Kafka({ clientId: run, brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    indexer = await startService('indexer', { MONGODB_URI: uri, KAFKA_GROUP_ID: run, SEARCH_COLLECTIONS_POLL_MS: '200', LOG_LEVEL: 'info' });
  });

  afterAll(async () => {
    if (indexer) await stopService(indexer);
    await producer?.disconnect();
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('keeps answering while it rebuilds, switches, and loses no write made meanwhile', async () => {
    expect(await total('q=harbour')).toBe(SEEDED);
    expect(await total('country=MA')).toBe(0);

    let searching = true;
    const answers: Array<{ status: number; total: number }> = [];
    const searcher = (async () => {
      while (searching) {
        const { status, body } = await get<{ total: number }>('/v1/search?q=harbour&limit=1');
        answers.push({ status, total: body.total });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    let writing = true;
    const written: ArticleWeatherAttachedPayload[] = [];
    const writer = (async () => {
      for (let n = 0; writing || n < WRITTEN_DURING + UPDATED_DURING; n++) {
        const next = n % 4 === 3 && n / 4 < UPDATED_DURING ? payload(n, 2, seeded[n].article.id) : payload(SEEDED + n);
        await publish(next);
        written.push(next);
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (n > 10_000) break;
      }
    })();

    const cli = await runReindex(uri);
    writing = false;
    await writer;
    expect(cli.code).toBe(0);
    const switched = /switched search_articles → (search_articles_\S+):/.exec(cli.output);
    expect(switched).not.toBeNull();
    const target = switched?.[1] ?? '';

    const expectedVersion = new Map(seeded.map((p) => [p.article.id, 1]));
    for (const p of written) expectedVersion.set(p.article.id, Math.max(expectedVersion.get(p.article.id) ?? 0, p.article.version));
    const updated = written.filter((p) => p.article.version === 2).length;
    const status = await waitFor(async () => {
      const { body } = await get<Status>('/v1/index');
      return body.collection === target && !body.rebuilding && body.articles === expectedVersion.size ? body : undefined;
    }, { timeoutMs: 120_000, what: `the indexer to serve ${target} with every article` });
    searching = false;
    await searcher;

    // Every article, at its newest version, is in the new collection, re-derived. The article count
    // above does not show the last updates arriving (the writer may end with one): wait for the
    // versions too. A write the switch lost never arrives, and the wait fails naming it.
    const versionsIn = async () => {
      const stored = await connection.collection(target).find({}, { projection: { version: 1, countryCodes: 1 } }).toArray();
      return { stored, versions: new Map(stored.map((d) => [String(d._id), d.version])) };
    };
    const lagging = (versions: Map<string, number>) => [...expectedVersion].filter(([id, version]) => versions.get(id) !== version).map(([id]) => id);
    await waitFor(async () => lagging((await versionsIn()).versions).length === 0 || undefined,
      { timeoutMs: 30_000, what: 'the last versions written during the reindex in the new collection' }).catch(async (error: Error) => {
      throw new Error(`${error.message}; still older or missing: ${lagging((await versionsIn()).versions).join(', ')}`);
    });
    const { stored, versions } = await versionsIn();
    expect(versions).toEqual(expectedVersion);
    expect(stored.filter((d) => d.countryCodes?.[0] !== 'MA')).toEqual([]);
    expect(updated).toBeGreaterThan(0);
    expect(status.building).toBeUndefined();
    expect(await total('country=MA')).toBe(expectedVersion.size);
    expect(await total('q=harbour')).toBe(expectedVersion.size);
    const meta = await connection.collection('search_meta').findOne({ _id: 'collections' as never });
    expect(meta).toMatchObject({ active: target, previous: 'search_articles' });

    // No gap: every search during the rebuild and switch was answered, never with fewer than the seeded articles.
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.status !== 200 || a.total < SEEDED)).toEqual([]);
  });

  it('refuses a second reindex while one is marked as running, and --abort clears it', async () => {
    await connection.collection('search_meta').updateOne({ _id: 'collections' as never }, { $set: { building: 'search_articles_dead', buildingSince: new Date() } });
    const refused = await runReindex(uri);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/a reindex into search_articles_dead has been running since .*--abort/);
    const aborted = await runReindex(uri, ['--abort']);
    expect(aborted.code).toBe(0);
    expect(aborted.output).toContain('aborted the reindex into search_articles_dead');
    const status = await runReindex(uri, ['--status']);
    expect(JSON.parse(status.output)).not.toHaveProperty('building');
  });
});

function runReindex(uri: string, args: string[] = ['--settle-ms', '1000', '--batch-size', '200']): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'tools', 'reindex', 'cli.js'), ...args], {
      env: { ...process.env, MONGODB_URI: uri, SEARCH_COLLECTIONS_POLL_MS: '200' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
