// Measures the search design on the configured MongoDB/FerretDB: bulk indexing, the start-up index
// build, in-memory query latency and `_id` version reads. Needs a build (`nx run indexer:build`).
// Usage: MONGODB_URI=mongodb://127.0.0.1:27017/newsflow node services/indexer/bench/search.bench.js [articles]
const { randomUUID, createHash } = require('node:crypto');
const mongoose = require('mongoose');
const dist = (path) => require(`../dist/${path}`);
const { toSearchDocument } = dist('index/search-document');
const { SearchDocumentRepository } = dist('index/search-document.repository');
const { SearchIndex } = dist('search/search-index');
const { toIndexedArticle } = dist('search/indexed-article');
const { parseSearchParams } = dist('search/search-params');

const COUNT = Number(process.argv[2] ?? 1000);
const WORDS = 'police court minister election storm flood market shares bank strike union talks summit treaty border army rebels vaccine hospital school teachers football final league transfer energy prices oil gas climate wildfire drought harvest farmers tourism festival museum'.split(' ');
const PLACES = [['place:2542997', 'Marrakech', 31.63, -8.01, 'MA'], ['place:2643743', 'London', 51.51, -0.13, 'GB'], ['place:2996944', 'Lyon', 45.75, 4.85, 'FR'], ['place:5128581', 'New York', 40.71, -74.01, 'US']];
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function payload(i) {
  const [id, name, lat, lon, countryCode] = pick(PLACES);
  const headline = `${words(6)} ${i}`;
  const body = `${name.toUpperCase()} (Bench) - ${words(250)}`;
  const article = { id: randomUUID(), version: 1, source: { id: pick(['wire-a', 'wire-b', 'wire-c']) }, sourceItemId: `b-${i}`, headline, body,
    language: 'en', publishedAt: new Date(Date.now() - i * 60_000).toISOString(), receivedAt: new Date().toISOString(),
    contentHash: createHash('sha256').update(headline + body).digest('hex') };
  const place = { id, type: 'place', name, surfaceForms: [name], mentions: [], mentionCount: 1, salience: 0.9, geo: { lat, lon, countryCode } };
  const person = { id: `person:p${i % 50}`, type: 'person', name: `Person ${i % 50}`, surfaceForms: [], mentions: [], mentionCount: 1, salience: 0.5 };
  return { article, enrichment: { status: 'enriched', language: 'en', entities: [place, person], enricherVersion: 'b', enrichedAt: new Date().toISOString(),
    primaryLocation: { name, entityId: id, lat, lon, countryCode, confidence: 0.9, reason: 'dateline' } }, weather: { status: 'no-location' } };
}

const percentile = (samples, p) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))];
async function timed(n, fn) {
  const samples = [];
  for (let i = 0; i < n; i += 1) { const t = process.hrtime.bigint(); await fn(i); samples.push(Number(process.hrtime.bigint() - t) / 1e6); }
  return `p50 ${percentile(samples, 50).toFixed(2)} ms, p95 ${percentile(samples, 95).toFixed(2)} ms`;
}

async function main() {
  const uri = new URL(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/newsflow');
  uri.pathname = `/bench_search_${Date.now()}`;
  const connection = await mongoose.createConnection(uri.toString()).asPromise();
  try {
    const repository = new SearchDocumentRepository(connection);
    await repository.onModuleInit();
    const documents = Array.from({ length: COUNT }, (_, i) => toSearchDocument(payload(i), new Date()));
    let started = Date.now();
    let versionMs = 0;
    for (const doc of documents) {
      const t = Date.now();
      await repository.saveVersion(doc);
      versionMs += Date.now() - t;
      await repository.upsert(doc);
    }
    const total = Date.now() - started;
    console.log(`indexing ${COUNT} articles: ${((COUNT * 1000) / total).toFixed(0)} articles/s (history writes ${versionMs} ms, latest upserts ${total - versionMs} ms)`);
    started = Date.now();
    const index = new SearchIndex();
    for await (const doc of repository.all()) index.put(toIndexedArticle(doc));
    console.log(`start-up index build from MongoDB: ${Date.now() - started} ms for ${index.size} articles`);
    const run = (query) => () => index.search(parseSearchParams(query));
    console.log(`q=police (one term): ${await timed(200, run({ q: 'police' }))}`);
    console.log(`q=police court strike&source=wire-a&near=31.63,-8.0 (three terms, two filters): ${await timed(200, run({ q: 'police court strike', source: 'wire-a', near: '31.63,-8.0', radiusKm: '50' }))}`);
    console.log(`entity=Person 7, sorted by time: ${await timed(200, run({ entity: 'Person 7' }))}`);
    console.log(`GET ?version=1 (_id lookup on ${VERSIONS}): ${await timed(100, (i) => repository.findVersion(documents[i % COUNT]._id, 1))}`);
    console.log(`for comparison, a non-_id filter in MongoDB ({sourceId}): ${await timed(10, () => connection.collection('search_articles').find({ sourceId: 'wire-a' }, { projection: { _id: 1 } }).toArray())}`);
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}
const VERSIONS = 'search_article_versions';
main().catch((error) => { console.error(error); process.exit(1); });
