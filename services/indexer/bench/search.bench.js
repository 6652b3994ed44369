// Measures the search design: the in-memory index at 100,000 articles (build rate, query latency)
// and writes to the configured MongoDB/FerretDB (the consumer's per-article path and a bulk path).
// Needs a build (`nx run indexer:build`); `npm run bench:search` does both.
// Usage: MONGODB_URI=mongodb://127.0.0.1:27017/newsflow node services/indexer/bench/search.bench.js
//          [--articles 100000] [--writes 3000] [--seed 7]
const { parseArgs } = require('node:util');
const mongoose = require('mongoose');
const { benchPayload, seededRandom } = require('./bench-corpus');
const dist = (path) => require(`../dist/${path}`);
const { toSearchDocument } = dist('index/search-document');
const { SearchDocumentRepository } = dist('index/search-document.repository');
const { SearchIndex } = dist('search/search-index');
const { toIndexedArticle } = dist('search/indexed-article');
const { parseSearchParams } = dist('search/search-params');
const { SearchCollectionsStore } = dist('index/search-collections');
const { Reindexer } = dist('reindex/reindexer');

const { values: options } = parseArgs({
  options: { articles: { type: 'string', default: '100000' }, writes: { type: 'string', default: '3000' }, seed: { type: 'string', default: '7' } },
});
const ARTICLES = Number(options.articles);
const WRITES = Number(options.writes);
const QUERY_RUNS = 200;
const BULK_BATCH = 500;

const percentile = (samples, p) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))];
const fmt = (ms) => `${ms.toFixed(2)} ms`;
async function timed(n, fn) {
  const samples = [];
  for (let i = 0; i < n; i += 1) { const t = process.hrtime.bigint(); await fn(i); samples.push(Number(process.hrtime.bigint() - t) / 1e6); }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}
const rate = (count, ms) => Math.round((count * 1000) / ms);

function memoryPhase(random, report) {
  const index = new SearchIndex();
  const started = Date.now();
  for (let i = 0; i < ARTICLES; i += 1) index.put(toIndexedArticle(toSearchDocument(benchPayload(i, random), new Date())));
  const ms = Date.now() - started;
  report.build = { articles: ARTICLES, ms, perSecond: rate(ARTICLES, ms), rssMb: Math.round(process.memoryUsage().rss / 1e6) };
  console.log(`in-memory index: ${ARTICLES} articles analysed and indexed in ${ms} ms (${report.build.perSecond}/s), RSS ${report.build.rssMb} MB`);
  return index;
}

async function queryPhase(index, report) {
  const queries = [
    ['one term (police)', { q: 'police' }, 50],
    ['one term, the most common query word (minister)', { q: 'minister' }, 50],
    ['three terms, two filters', { q: 'police court strike', source: 'wire-a', near: '31.63,-8.0', radiusKm: '50' }, 150],
    ['entity, newest first', { entity: 'Person 7', sort: 'time' }, null],
  ];
  report.queries = [];
  for (const [name, query, targetMs] of queries) {
    const params = parseSearchParams(query);
    const total = index.search(params).total;
    const { p50, p95 } = await timed(QUERY_RUNS, () => index.search(params));
    report.queries.push({ name, query, matches: total, p50Ms: p50, p95Ms: p95, targetP95Ms: targetMs });
    console.log(`${name}: ${total} matches, p50 ${fmt(p50)}, p95 ${fmt(p95)}${targetMs ? ` (target p95 ≤ ${targetMs} ms)` : ''}`);
  }
}

async function writePhase(connection, random, report) {
  const documents = Array.from({ length: WRITES }, (_, i) => toSearchDocument(benchPayload(ARTICLES + i, random), new Date()));
  const repository = new SearchDocumentRepository(connection);
  await repository.onModuleInit();
  let started = Date.now();
  for (const doc of documents) await repository.upsert(doc);
  const perArticleMs = Date.now() - started;
  // A new version of an article already indexed: the version-guarded replace path.
  const updates = documents.slice(0, Math.min(300, WRITES)).map((doc) => ({ ...doc, version: 2, headline: `${doc.headline} (updated)` }));
  started = Date.now();
  for (const doc of updates) await repository.upsert(doc);
  const updateMs = Date.now() - started;
  // The bulk path: new articles into empty collections, batched (what a rebuild does; the consumer
  // writes one article at a time because each event is committed on its own).
  const latest = connection.collection('bench_bulk_latest');
  started = Date.now();
  for (let i = 0; i < documents.length; i += BULK_BATCH) await latest.insertMany(documents.slice(i, i + BULK_BATCH), { ordered: false });
  const bulkMs = Date.now() - started;
  started = Date.now();
  const index = new SearchIndex();
  for await (const doc of repository.allIndexable()) index.put(toIndexedArticle(doc));
  const loadMs = Date.now() - started;
  const idLookups = await timed(100, (i) => repository.findVersion(documents[i % documents.length]._id, 1));
  report.writes = {
    articles: WRITES,
    perArticlePerSecond: rate(WRITES, perArticleMs),
    updatesPerSecond: rate(updates.length, updateMs),
    bulkPerSecond: rate(WRITES, bulkMs),
    startupLoadPerSecond: rate(index.size, loadMs),
    versionLookupP95Ms: idLookups.p95,
  };
  console.log(`writes to ${connection.host}:${connection.port}: ${WRITES} articles one at a time (the latest, as the consumer writes a new article): ${report.writes.perArticlePerSecond}/s`);
  console.log(`  ${updates.length} new versions of indexed articles (version-guarded replace): ${report.writes.updatesPerSecond}/s`);
  console.log(`  bulk insertMany in batches of ${BULK_BATCH} (as a reindex copies): ${report.writes.bulkPerSecond}/s`);
  console.log(`  start-up load (read back and index): ${report.writes.startupLoadPerSecond}/s; GET ?version=1 (_id lookup): p95 ${fmt(idLookups.p95)}`);
}

/** `npm run reindex` over what the write phase stored: re-derive, bulk copy, catch-up, switch. */
async function reindexPhase(connection, report) {
  const reindexer = new Reindexer(new SearchCollectionsStore(connection), new SearchDocumentRepository(connection), (name) => connection.dropCollection(name));
  const result = await reindexer.run({ settleMs: 0, batchSize: 1000 });
  report.reindex = { articles: result.copied, seconds: result.seconds, perSecond: result.perSecond, copyPerSecond: result.copyPerSecond };
  // Every article here was written moments ago, so the catch-up pass re-checks all of them; in use it sees only writes made during the build.
  console.log(`  reindex: ${result.copied} articles in ${result.seconds.toFixed(1)} s (${result.perSecond}/s); the bulk re-derive and copy alone ${result.copyPerSecond}/s`);
}

async function main() {
  const report = { startedAt: new Date().toISOString(), seed: Number(options.seed), node: process.version };
  const index = memoryPhase(seededRandom(Number(options.seed)), report);
  await queryPhase(index, report);
  const uri = new URL(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/newsflow');
  uri.pathname = `/bench_search_${Date.now()}`;
  const connection = await mongoose.createConnection(uri.toString()).asPromise();
  try {
    await writePhase(connection, seededRandom(Number(options.seed) + 1), report);
    await reindexPhase(connection, report);
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
  console.log(JSON.stringify(report));
}

main().catch((error) => { console.error(error); process.exit(1); });
