import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import mongoose, { Connection } from 'mongoose';
import { RunningService, ServiceName, startStages, stageEnv, stopService } from '../support/service-process';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { runScript } from '../support/run-script';
import { createSource } from '../support/sources';
import { mongoUriWithDatabase, requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

interface PurgeOptions { articles: string[]; dryRun: boolean; batchSize: number; olderThanDays?: number; cutoff?: Date; help: boolean }
const { parseArgs, UsageError } = require('../../tools/purge/args') as {
  parseArgs: (argv: string[], now?: Date) => PurgeOptions;
  UsageError: new (message: string) => Error;
};

const ID = '0f8a1c2e-7a1b-5c3d-9e4f-123456789abc';

describe('npm run purge: flags', () => {
  const now = new Date('2026-12-07T12:00:00Z');

  it('reads --older-than in days, repeated --article, --dry-run and --batch-size', () => {
    const options = parseArgs(['--older-than', '90d', '--article', ID, '--article=0F8A1C2E-7A1B-5C3D-9E4F-000000000001', '--article', ID, '--dry-run', '--batch-size', '500'], now);
    expect(options).toMatchObject({ olderThanDays: 90, articles: [ID, '0f8a1c2e-7a1b-5c3d-9e4f-000000000001'], dryRun: true, batchSize: 500 });
    expect(options.cutoff?.toISOString()).toBe('2026-09-08T12:00:00.000Z');
    expect(parseArgs(['--article', ID], now)).toMatchObject({ olderThanDays: undefined, cutoff: undefined, dryRun: false, batchSize: 5000 });
    expect(parseArgs(['--older-than=1d'], now).cutoff?.toISOString()).toBe('2026-12-06T12:00:00.000Z');
    expect(parseArgs(['--article', ID, '--earlier-versions'], now)).toMatchObject({ articles: [ID], earlierVersions: true });
  });

  it.each([
    [[], /say what to purge/],
    [['--dry-run'], /say what to purge/],
    [['--older-than', '90'], /whole number of days/],
    [['--older-than', '0d'], /at least 1/],
    [['--older-than', '1.5d'], /whole number of days/],
    [['--older-than', '90d', '--older-than', '30d'], /given twice/],
    [['--older-than'], /needs a value/],
    [['--article', '--dry-run'], /needs a value/],
    [['--article', 'not-an-id'], /article id/],
    [['--article', ID, '--batch-size', '0'], /--batch-size/],
    [['--article', ID, '--batch-size', '10x'], /--batch-size/],
    [['--article', ID, '--dry-run=yes'], /takes no value/],
    [['--article', ID, '--force'], /unknown argument "--force"/],
    [['--article', ID, 'extra'], /unknown argument "extra"/],
    [['--earlier-versions'], /say what to purge/],
    [['--older-than', '90d', '--earlier-versions'], /--earlier-versions goes with --article/],
    [['--article', ID, '--earlier-versions=yes'], /takes no value/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv as string[], now)).toThrow(UsageError);
    expect(() => parseArgs(argv as string[], now)).toThrow(message);
  });
});

interface Status { version: number; stage: string }
interface Item { id: string; version: number }

/**
 * The purge against the four services as processes: a takedown of one story (two versions) and an
 * age-based purge, each removing every document about its articles from both services' collections;
 * the running indexer stops listing them within a few polls, by-id reads answer 404, the other
 * articles are untouched, and a purged story submitted again is version 1, indexed as usual.
 */
describe('npm run purge against running services', () => {
  const run = unique('e2e-purge');
  const database = run.replace(/-/g, '_');
  const uri = mongoUriWithDatabase(database);
  const services = {} as Record<ServiceName, RunningService>;
  // A word no other test writes, so searches count only this test's stories.
  const token = `purgetoken${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  let weatherProvider: FakeOpenMeteo;
  let connection: Connection;
  let apiKey: string;

  const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  const story = (item: string, headline: string, publishedAt: string, extra = '') => ({
    sourceItemId: `${run}-${item}`, headline: `${headline} ${token}`, publishedAt,
    body: `The council discussed the ${token} plan for the harbour district on ${headline.toLowerCase()}.${extra}`,
  });
  const submit = async (article: Record<string, unknown>) => {
    const response = await fetch(`${services.ingest.url}/v1/articles`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify(article),
    });
    return { status: response.status, body: (await response.json()) as { id: string; version: number; duplicate: boolean } };
  };
  const indexed = (id: string, version: number) => waitFor(async () => {
    const response = await fetch(`${services.ingest.url}/v1/articles/${id}/status`);
    const status = response.ok ? ((await response.json()) as Status) : undefined;
    return status?.version === version && status.stage === 'indexed' ? status : undefined;
  }, { timeoutMs: 60_000, intervalMs: 300, what: `article ${id} v${version} indexed` });
  const hits = async () => {
    const response = await fetch(`${services.indexer.url}/v1/search?q=${token}&limit=50`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Item[] }).items.map((item) => `${item.id}:${item.version}`).sort();
  };
  const byId = async (id: string, version?: number) => (await fetch(`${services.indexer.url}/v1/articles/${id}${version ? `?version=${version}` : ''}`)).status;
  /** Every document any collection of either service holds about the article. */
  const traces = async (id: string) => {
    const of = (collection: string, filter: object) => connection.collection(collection).countDocuments(filter);
    const anyId = { _id: { $regex: `^${id}` } };
    return {
      ingest_articles: await of('ingest_articles', { articleId: id }),
      ingest_article_heads: await of('ingest_article_heads', { _id: id }),
      ingest_article_publications: await of('ingest_article_publications', anyId),
      ingest_article_steps: await of('ingest_article_steps', anyId),
      search_articles: await of('search_articles', { _id: id }),
      search_article_versions: await of('search_article_versions', anyId),
    };
  };
  const none = { ingest_articles: 0, ingest_article_heads: 0, ingest_article_publications: 0, ingest_article_steps: 0, search_articles: 0, search_article_versions: 0 };
  const purge = (args: string[], env: Record<string, string> = {}) => runScript('tools/purge/cli.js', args, { MONGODB_URI: uri, PURGE_SUMMARY_JSON: '1', ...env });
  const summaryOf = (output: string) => JSON.parse(output.trim().split('\n').pop() ?? '{}') as { articles: number; removed: Record<string, number>; missing: string[] };

  let takedown: string;
  let takedownCopy: Record<string, unknown>;
  let old: string;
  let kept: string[];

  beforeAll(async () => {
    weatherProvider = await startFakeOpenMeteo();
    await startStages(run, stageEnv(run, weatherProvider.url, { LOG_LEVEL: 'info', SEARCH_COLLECTIONS_POLL_MS: '300' }), services);
    apiKey = await createSource(services.ingest.url, `${run}-wire`);
    connection = await mongoose.createConnection(uri).asPromise();

    // The takedown: two versions (a correction), so a head, two publications, history in search_article_versions.
    const first = story('takedown', 'Court hears libel case', days(2));
    takedown = (await submit(first)).body.id;
    await indexed(takedown, 1);
    takedownCopy = story('takedown', 'Court hears libel case', days(2), ' The hearing resumes on Monday.');
    expect((await submit(takedownCopy)).body.version).toBe(2);
    // Published 200 days ago: what --older-than 90d removes.
    old = (await submit(story('old', 'Harbour dredging approved', days(200)))).body.id;
    kept = [
      (await submit(story('recent', 'Ferry timetable changes', days(1)))).body.id,
      (await submit(story('quarter', 'Market hall reopens', days(80)))).body.id,
    ];
    await Promise.all([indexed(takedown, 2), indexed(old, 1), ...kept.map((id) => indexed(id, 1))]);
  });

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => stopService(s)));
    await weatherProvider?.close();
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('takes down one article everywhere, and the running indexer stops listing it', async () => {
    expect(await hits()).toEqual([`${takedown}:2`, `${old}:1`, ...kept.map((id) => `${id}:1`)].sort());
    const before = await traces(takedown);
    expect(before).toMatchObject({ ingest_articles: 2, ingest_article_heads: 1, ingest_article_publications: 2, search_articles: 1, search_article_versions: 1 });
    expect(before.ingest_article_steps).toBeGreaterThanOrEqual(6);
    const keptBefore = await Promise.all(kept.map(traces));

    const dry = await purge(['--article', takedown, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.output).toContain('dry run: would remove 1 article(s)');
    expect(await traces(takedown)).toEqual(before);

    // Weather keeps the latest version it saw; left, the story submitted again would count as superseded.
    const latestSeen = async () => {
      const redis = new Redis(requireEnv('REDIS_URL'));
      try {
        return (await redis.keys(`newsflow:weather:backfill:*:latest:${takedown}`)).length;
      } finally {
        redis.disconnect();
      }
    };
    expect(await latestSeen()).toBe(1);
    const cli = await purge(['--article', takedown, '--batch-size', '3']);
    expect(cli.code).toBe(0);
    expect(await latestSeen()).toBe(0);
    const summary = summaryOf(cli.output);
    expect(summary.articles).toBe(1);
    expect(summary.removed).toMatchObject({
      ingest_articles: 2, ingest_article_heads: 1, ingest_article_publications: 2, ingest_article_steps: before.ingest_article_steps,
      search_articles: 1, search_article_versions: 1,
    });
    expect(cli.output).toMatch(/ingest_article_steps: \d+\/\d+ ids done/);
    expect(await traces(takedown)).toEqual(none);

    // The running indexer drops it from search within a few polls (300 ms each), without a restart.
    await waitFor(async () => !(await hits()).some((h) => h.startsWith(takedown)) || undefined,
      { timeoutMs: 5_000, what: 'the indexer to stop listing the purged article' });
    expect(await byId(takedown)).toBe(404);
    expect(await byId(takedown, 1)).toBe(404);
    expect(await byId(takedown, 2)).toBe(404);
    expect(await hits()).toEqual([`${old}:1`, ...kept.map((id) => `${id}:1`)].sort());
    expect(await Promise.all(kept.map(traces))).toEqual(keptBefore);

    // Named again: nothing is left to find.
    const again = await purge(['--article', takedown]);
    expect(again.code).toBe(0);
    expect(summaryOf(again.output)).toMatchObject({ articles: 0, missing: [takedown] });
  });

  it('purges by age only what was last published before the cutoff', async () => {
    const keptBefore = await Promise.all(kept.map(traces));
    const dry = await purge(['--older-than', '90d', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(summaryOf(dry.output)).toMatchObject({ articles: 1, removed: { ingest_articles: 1, search_articles: 1 } });
    expect((await traces(old)).ingest_articles).toBe(1);

    const cli = await purge(['--older-than', '90d']);
    expect(cli.code).toBe(0);
    expect(summaryOf(cli.output)).toMatchObject({ articles: 1, removed: { ingest_articles: 1, ingest_article_publications: 1, search_articles: 1 } });
    expect(await traces(old)).toEqual(none);
    await waitFor(async () => !(await hits()).some((h) => h.startsWith(old)) || undefined,
      { timeoutMs: 5_000, what: 'the indexer to stop listing the old article' });
    expect(await byId(old)).toBe(404);
    expect(await hits()).toEqual(kept.map((id) => `${id}:1`).sort());
    expect(await Promise.all(kept.map(traces))).toEqual(keptBefore);
    for (const id of kept) expect(await byId(id)).toBe(200);
  });

  it('takes a purged story submitted again as a new version 1, indexed as usual', async () => {
    const resubmitted = await submit(takedownCopy);
    expect(resubmitted.status).toBe(202);
    expect(resubmitted.body).toMatchObject({ id: takedown, version: 1, duplicate: false });
    await indexed(takedown, 1);
    await waitFor(async () => (await hits()).includes(`${takedown}:1`) || undefined, { timeoutMs: 10_000, what: 'the resubmitted story in search' });
    const response = await fetch(`${services.indexer.url}/v1/articles/${takedown}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { article: { version: number; body: string } }).article).toMatchObject({ version: 1, body: expect.stringContaining('resumes on Monday') });
    expect(await traces(takedown)).toMatchObject({ ingest_articles: 1, ingest_article_heads: 0, search_articles: 1, search_article_versions: 0 });
  });

  it('erases the versions before a correction and keeps the story as it now reads, served, searchable and versioned on', async () => {
    // Version 1 (resubmitted above) named someone; the desk's correction, version 2, does not.
    const corrected = { ...takedownCopy, body: `${String(takedownCopy.body)} A name was removed from this story.` };
    expect((await submit(corrected)).body).toMatchObject({ id: takedown, version: 2 });
    await indexed(takedown, 2);
    expect(await byId(takedown, 1)).toBe(200);
    const before = await traces(takedown);
    expect(before).toMatchObject({ ingest_articles: 2, search_article_versions: 1, search_articles: 1 });

    const dry = await purge(['--article', takedown, '--earlier-versions', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.output).toContain('dry run: would remove the earlier versions of 1 article(s), keeping each one\'s latest');
    expect(await traces(takedown)).toEqual(before);

    const cli = await purge(['--article', takedown, '--earlier-versions']);
    expect(cli.code).toBe(0);
    expect(summaryOf(cli.output).removed).toMatchObject({ 'ingest_articles (erased)': 1, ingest_article_publications: 1, search_article_versions: 1 });
    expect(await traces(takedown)).toMatchObject({ ingest_articles: 2, ingest_article_heads: 1, ingest_article_publications: 1, search_articles: 1, search_article_versions: 0 });
    // Ingest keeps version 1's number, not its copy.
    const erased = await connection.collection('ingest_articles').findOne({ _id: `${takedown}:1` as never });
    expect(erased).toMatchObject({ erasedAt: expect.any(Date), article: { headline: 'Version erased', body: 'This version was erased.' } });
    expect(JSON.stringify(erased)).not.toContain('resumes on Monday');
    expect(await byId(takedown, 1)).toBe(404);
    expect(await byId(takedown, 2)).toBe(200);
    expect(await byId(takedown)).toBe(200);
    expect(await hits()).toContain(`${takedown}:2`);
    // Ingest still knows the story at version 2: the same copy is a duplicate, a new correction is version 3.
    expect((await submit(corrected)).body).toMatchObject({ id: takedown, version: 2, duplicate: true });
    expect((await submit({ ...corrected, headline: `${String(corrected.headline)} (updated)` })).body).toMatchObject({ id: takedown, version: 3, duplicate: false });
    await indexed(takedown, 3);
  });

  it('exits 2 on bad flags and 1 when MongoDB cannot be reached, removing nothing', async () => {
    const bad = await purge(['--older-than', '90']);
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/--older-than takes a whole number of days[\s\S]*usage: npm run purge/);
    const unreachable = await purge(['--older-than', '90d'], { MONGODB_URI: 'mongodb://127.0.0.1:1/nothing', PURGE_CONNECT_TIMEOUT_MS: '500' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.output).toContain('MongoDB unreachable at mongodb://127.0.0.1:1/nothing');
    const noRedis = await purge(['--article', ID], { REDIS_URL: 'redis://127.0.0.1:1' , PURGE_CONNECT_TIMEOUT_MS: '500' });
    expect(noRedis.code).toBe(1);
    expect(noRedis.output).toContain('Redis unreachable');
  });
});
