import { makeArticle } from '@newsflow/contracts/testing';
import { histogramTotals } from '@newsflow/platform';
import mongoose, { Connection } from 'mongoose';
import { ArticleStatusRepository } from '../../services/ingest/src/articles/article-status/article-status.repository';
import { ArticleRepository } from '../../services/ingest/src/articles/article.repository';
import { contentHashOf } from '../../services/ingest/src/articles/article-identity';
import { StoryBandRepository } from '../../services/ingest/src/articles/story-clusters/story-band.repository';
import { StoryClusterFinder } from '../../services/ingest/src/articles/story-clusters/story-cluster.finder';
import { RateLimiter } from '../../services/ingest/src/sources/rate-limiter';
import { TakedownRepository } from '../../services/ingest/src/articles/takedowns/takedown.repository';
const { seedArticleRequest } = require('../../samples/load-samples');

const ownCluster = async () => 'own-cluster';
import { mongoUriWithDatabase, requireEnv, unique } from '../support/unique';
import Redis from 'ioredis';

describe('ingest repositories on the real MongoDB endpoint', () => {
  let connection: Connection;
  let articles: ArticleRepository;
  let statuses: ArticleStatusRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUriWithDatabase(unique('it_ingest').replace(/-/g, '_'))).asPromise();
    articles = new ArticleRepository(connection);
    statuses = new ArticleStatusRepository(connection, articles);
  });

  afterAll(async () => {
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('adds copies to a takedown with $addToSet, keeping what it held and adding nothing twice', async () => {
    const takedowns = new TakedownRepository(connection);
    const id = makeArticle().id;
    await takedowns.insert({ _id: id, takenDownAt: new Date(), correlationId: 'c', sourceId: 'wire', sourceItemId: 'item' });
    expect(await takedowns.addCopies(id, { contentHashes: ['h1'], copyFingerprints: ['f1'] })).toBe(true);
    expect(await takedowns.addCopies(id, { contentHashes: ['h1', 'h2'], copyFingerprints: ['f2'] })).toBe(true);
    expect(await takedowns.find(id)).toMatchObject({ contentHashes: ['h1', 'h2'], copyFingerprints: ['f1', 'f2'] });
    expect(await takedowns.addCopies(makeArticle().id, { contentHashes: ['h3'], copyFingerprints: [] })).toBe(false);
  });

  it('accepts a new story, spots a duplicate, and versions changed content', async () => {
    const article = makeArticle();
    const heads = connection.collection<{ _id: string; version: number }>('ingest_article_heads');
    expect((await articles.accept(article, 'c1', ownCluster)).outcome).toBe('new');
    // A first version costs no head: the latest is found by probing from version 1.
    expect(await heads.findOne({ _id: article.id })).toBeNull();
    expect((await articles.latest(article.id))?.version).toBe(1);
    const duplicate = await articles.accept({ ...article, receivedAt: new Date().toISOString() }, 'c2', ownCluster);
    expect(duplicate).toMatchObject({ outcome: 'duplicate', record: { version: 1, published: false } });

    const changed = { ...article, body: 'Corrected body', contentHash: contentHashOf(article.headline, 'Corrected body') };
    const updated = await articles.accept(changed, 'c3', ownCluster);
    expect(updated.outcome).toBe('new-version');
    expect(updated.record.version).toBe(2);
    expect(updated.record.article.version).toBe(2);
    expect(await heads.findOne({ _id: article.id })).toEqual({ _id: article.id, version: 2 });
    expect((await articles.latest(article.id))?.version).toBe(2);
    expect((await articles.accept(changed, 'c4', ownCluster)).outcome).toBe('duplicate');
  });

  it('refuses a resend older than the stored correction, by updatedAt, instead of making it the newest version', async () => {
    const first = { ...makeArticle(), updatedAt: '2025-11-24T09:00:00.000Z' };
    await articles.accept(first, 'c1', ownCluster);
    const correction = { ...first, body: 'Corrected toll', contentHash: contentHashOf(first.headline, 'Corrected toll'), updatedAt: '2025-11-24T09:30:00.000Z' };
    expect((await articles.accept(correction, 'c2', ownCluster)).record.version).toBe(2);
    await expect(articles.accept(first, 'c3', ownCluster)).rejects.toMatchObject({ status: 409, rule: 'stale-version', field: 'updatedAt' });
    expect((await articles.latest(first.id))?.article.body).toBe('Corrected toll');
    // Without updatedAt on both sides a change is still the next version.
    const undated = { ...first, updatedAt: undefined, body: 'Third text', contentHash: contentHashOf(first.headline, 'Third text') };
    expect((await articles.accept(undated, 'c4', ownCluster)).record.version).toBe(3);
  });

  it('makes a correction of the byline or summary alone a new version, and a resend of the same a duplicate', async () => {
    const article = { ...makeArticle(), byline: 'By Jane Doe', summary: 'Police chiefs meet.' };
    await articles.accept(article, 'c1', ownCluster);
    expect((await articles.accept({ ...article }, 'c2', ownCluster)).outcome).toBe('duplicate');
    const corrected = await articles.accept({ ...article, byline: 'By Jane Doe and John Roe' }, 'c3', ownCluster);
    expect(corrected).toMatchObject({ outcome: 'new-version', record: { version: 2, article: { byline: 'By Jane Doe and John Roe' } } });
    expect((await articles.accept({ ...article, byline: 'By Jane Doe and John Roe', summary: 'Police chiefs met.' }, 'c4', ownCluster)).record.version).toBe(3);
    // A version stored before presentation hashes existed (an upgrade) is compared by its stored
    // article: an unchanged resend is a duplicate, a byline correction the next version.
    const older = { ...makeArticle(), byline: 'By Jane Doe' };
    await articles.accept(older, 'c5', ownCluster);
    await connection.collection('ingest_articles').updateOne({ _id: `${older.id}:1` } as never, { $unset: { presentationHash: '' } });
    expect((await articles.accept({ ...older }, 'c6', ownCluster)).outcome).toBe('duplicate');
    expect(await articles.accept({ ...older, byline: 'By Someone' }, 'c7', ownCluster)).toMatchObject({ outcome: 'new-version', record: { version: 2 } });
  });

  it('with an insert linger, shares one insert between articles accepted a few ms apart', async () => {
    const lingering = new ArticleRepository(connection, 80);
    const batches = () => histogramTotals('newsflow_batch_items', { target: 'mongo:ingest_articles' });
    const before = await batches();
    const first = lingering.accept(makeArticle(), 'c', ownCluster);
    await new Promise((resolve) => setTimeout(resolve, 15));
    const outcomes = await Promise.all([first, lingering.accept(makeArticle(), 'c', ownCluster)]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['new', 'new']);
    const after = await batches();
    expect({ inserts: after.count - before.count, documents: after.sum - before.sum }).toEqual({ inserts: 1, documents: 2 });
  });

  it('gives concurrent corrections distinct versions (no lost update)', async () => {
    const article = makeArticle();
    await articles.accept(article, 'c', ownCluster);
    const bodies = ['one', 'two', 'three'];
    const results = await Promise.all(
      bodies.map((body) => articles.accept({ ...article, body, contentHash: contentHashOf(article.headline, body) }, 'c', ownCluster)),
    );
    expect(results.map((r) => r.record.version).sort()).toEqual([2, 3, 4]);
  });

  it('remembers publication, so only unpublished duplicates are sent again', async () => {
    const article = makeArticle();
    await articles.accept(article, 'c', ownCluster);
    await articles.markPublished(article.id, 1, 'c');
    expect((await articles.accept(article, 'c', ownCluster)).record.published).toBe(true);
  });

  it('reports the latest version with the furthest step, whatever order the steps arrive in', async () => {
    const article = makeArticle();
    const id = article.id;
    await articles.accept(article, 'corr-old', ownCluster);
    await articles.accept({ ...article, body: 'v2', contentHash: contentHashOf(article.headline, 'v2') }, 'corr', ownCluster);
    await articles.markPublished(id, 2, 'corr');
    await articles.markPublished(id, 1, 'corr-old');
    await statuses.reached(id, 1, 'indexed', new Date());
    await Promise.all([statuses.reached(id, 2, 'weather', new Date()), statuses.reached(id, 2, 'enriched', new Date())]);
    await statuses.reached(id, 2, 'weather', new Date());
    const status = await statuses.find(id);
    expect(status).toMatchObject({ version: 2, stage: 'weather', correlationId: 'corr' });
    expect(Object.keys(status?.steps ?? {}).sort()).toEqual(['enriched', 'received', 'weather']);
    // A version not yet acknowledged by the broker is not received: the one before it is reported.
    await articles.accept({ ...article, body: 'v3', contentHash: contentHashOf(article.headline, 'v3') }, 'corr-3', ownCluster);
    expect(await statuses.find(id)).toMatchObject({ version: 2, stage: 'weather', correlationId: 'corr' });
    expect(await statuses.find(makeArticle().id)).toBeNull();
  });

  it('reads no failure record for an indexed version (an _id that finds nothing is a scan on FerretDB)', async () => {
    const article = makeArticle();
    await articles.accept(article, 'corr', ownCluster);
    await articles.markPublished(article.id, 1, 'corr');
    await statuses.failed(article.id, 1, { stage: 'weather', code: 'X', message: 'parked' }, new Date());
    expect(await statuses.find(article.id)).toMatchObject({ stage: 'failed', failure: { stage: 'weather' } });
    await Promise.all((['enriched', 'weather', 'indexed'] as const).map((step) => statuses.reached(article.id, 1, step, new Date())));
    const lookups = jest.spyOn(connection.collection('ingest_article_steps'), 'findOne');
    try {
      expect(await statuses.find(article.id)).toMatchObject({ stage: 'indexed' });
      expect(lookups.mock.calls.map(([filter]) => String((filter as { _id: string })._id).split(':').pop())).toEqual(['enriched', 'weather', 'indexed']);
    } finally {
      lookups.mockRestore();
    }
  });

  it('keeps a story once with its band keys naming it, and still reads bands that hold a whole entry', async () => {
    const redis = new Redis(requireEnv('REDIS_URL'));
    const namespace = unique('bands');
    const bands = new StoryBandRepository(redis, namespace);
    const entry = { articleId: 'article-1', storyClusterId: 'cluster-1', minhash: [11, 22, 33] };
    await bands.register(['b1', 'b2'], entry);
    expect(await redis.get(`newsflow:story-band:${namespace}:b1`)).toBe('article-1');
    expect(JSON.parse((await redis.get(`newsflow:story:${namespace}:article-1`)) ?? 'null')).toEqual(entry);
    expect(await redis.ttl(`newsflow:story:${namespace}:article-1`)).toBeGreaterThan(0);
    // Two bands naming one story give one candidate; a band nobody registered gives none.
    expect(await bands.find(['b1', 'b2', 'b3'])).toEqual([entry]);
    // The first story keeps a band: a later one with the same band does not take it over.
    await bands.register(['b2', 'b4'], { ...entry, articleId: 'article-2' });
    expect(await redis.get(`newsflow:story-band:${namespace}:b2`)).toBe('article-1');
    const legacy = { articleId: 'article-0', storyClusterId: 'cluster-0', minhash: [1, 2, 3] };
    await redis.set(`newsflow:story-band:${namespace}:old`, JSON.stringify(legacy), 'EX', 60);
    expect(await bands.find(['old', 'b1'])).toEqual([legacy, entry]);
    redis.disconnect();
  });

  it('registers stories again once Redis has forgotten its scripts (a restart)', async () => {
    const redis = new Redis(requireEnv('REDIS_URL'));
    const namespace = unique('bands');
    const bands = new StoryBandRepository(redis, namespace);
    await bands.register(['b1'], { articleId: 'article-1', storyClusterId: 'cluster-1', minhash: [1] });
    await redis.script('FLUSH');
    await bands.register(['b2'], { articleId: 'article-2', storyClusterId: 'cluster-2', minhash: [2] });
    expect(await redis.get(`newsflow:story-band:${namespace}:b2`)).toBe('article-2');
    expect(await redis.ttl(`newsflow:story-band:${namespace}:b2`)).toBeGreaterThan(13 * 24 * 3600);
    redis.disconnect();
  });

  it('counts a source\'s articles per minute in Redis, refuses past the limit without counting the refused, and lets the window key expire', async () => {
    const redis = new Redis(requireEnv('REDIS_URL'));
    const limiter = new RateLimiter(redis);
    const source = unique('source');
    const now = Date.UTC(2026, 11, 7, 9, 30, 45);
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push(await limiter.take(source, 2, now));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
    expect(decisions[2].retryAfterSeconds).toBe(15);
    const key = `newsflow:ratelimit:${source}:${Math.floor(now / 60_000)}`;
    // The refused third is not counted: it took nothing from the minute.
    expect(await redis.get(key)).toBe('2');
    // A batch is charged its articles, all or none.
    const batchSource = unique('source');
    expect((await limiter.take(batchSource, 5, now, 4)).allowed).toBe(true);
    expect((await limiter.take(batchSource, 5, now, 3)).allowed).toBe(false);
    expect((await limiter.take(batchSource, 5, now, 1)).allowed).toBe(true);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    // The next minute is a window of its own.
    expect((await limiter.take(source, 2, now + 60_000)).allowed).toBe(true);
    redis.disconnect();
  });

  it('puts the same story from another source into the first one\'s story cluster, and keeps others apart', async () => {
    const redis = new Redis(requireEnv('REDIS_URL'));
    const finder = new StoryClusterFinder(new StoryBandRepository(redis, unique('bands')));
    const seed = seedArticleRequest();
    const original = makeArticle({ headline: seed.headline, body: seed.body, contentHash: contentHashOf(seed.headline, seed.body) });
    const first = await articles.accept(original, 'c', () => finder.clusterFor(original));
    expect(first.record.storyClusterId).toBe(original.id);

    const body = seed.body.replace('praised on Monday', 'lauded on Monday').split('\n\n').slice(0, 9).join('\n\n');
    const republished = makeArticle({ source: { id: 'other-wire' }, headline: 'INTERPOL opens assembly in Marrakech', body, contentHash: contentHashOf('x', body) });
    const second = await articles.accept(republished, 'c', () => finder.clusterFor(republished));
    expect(second.record.storyClusterId).toBe(original.id);
    expect(second.record.article.storyClusterId).toBe(original.id);

    const unrelated = makeArticle({ body: 'LONDON (Reuters) - Train drivers will strike next week over pay, the union said on Tuesday.' });
    const third = await articles.accept(unrelated, 'c', () => finder.clusterFor(unrelated));
    expect(third.record.storyClusterId).toBe(unrelated.id);
    redis.disconnect();
  });
});
