#!/usr/bin/env node
// `npm run bench:storage`: the least storage work an article can cost here, with no service in the
// way. Per corpus article it writes the two documents the pipeline cannot do without (the stored
// version ingest keeps, ~2–6 KB of article; the search document the indexer keeps, the article
// with its entities and weather) with unordered insertMany batches from a few concurrent writers,
// and reports FerretDB's and this client's CPU per article. Dividing the machine's cores by that
// gives the most articles per second the storage alone allows, whatever the services do.
// Own FerretDB only (state .state/bench-storage, port 27069; --out, --state-dir, --mongo-port).
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const os = require('node:os');
const { ROOT, positiveIntegerReader } = require('./options');
const { loadCorpus } = require('./corpus');
const { readProcess, machineInfo } = require('./process-sampler');

const DEFAULTS = { articles: '10000', 'batch-size': '100', concurrency: '4', seed: '42', 'mongo-port': '27069' };
const log = (line) => console.log(`[storage] ${line}`);

function parseOptions() {
  const { values } = parseArgs({ options: { ...Object.fromEntries(Object.entries(DEFAULTS).map(([name, value]) => [name, { type: 'string', default: value }])),
    out: { type: 'string', default: path.join(ROOT, 'bench', 'results') }, 'state-dir': { type: 'string', default: path.join(ROOT, '.state', 'bench-storage') } } });
  const number = positiveIntegerReader('bench:storage', values);
  return { articles: number('articles'), batchSize: number('batch-size'), concurrency: number('concurrency'), seed: number('seed'), mongoPort: number('mongo-port'),
    out: path.resolve(values.out), stateDir: path.resolve(values['state-dir']) };
}

/** The infra tool reads process.env: point it at this bench's own FerretDB. */
function useOwnInfra(options) {
  for (const name of ['KAFKA_BROKERS', 'MONGODB_URI', 'REDIS_URL']) delete process.env[name];
  Object.assign(process.env, { NEWSFLOW_STATE_DIR: options.stateDir, NEWSFLOW_MONGO_PORT: String(options.mongoPort) });
}

/** An entity as the enricher emits it: id, type, name, surface forms, mentions with offsets, salience, geo for places. */
function entity(random, index, body) {
  const type = ['person', 'organization', 'place', 'date'][index % 4];
  const name = `${type} ${Math.floor(random() * 1e6).toString(36)}`;
  const mentions = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    const start = Math.floor(random() * Math.max(1, body.length - 20));
    return { start, end: start + name.length, text: name, sentence: Math.floor(start / 120) };
  });
  return {
    id: `${type}:${name.replace(/\s+/g, '-')}`, type, name, surfaceForms: [name], mentions, mentionCount: mentions.length, salience: random(),
    ...(type === 'place' ? { geo: { lat: random() * 180 - 90, lon: random() * 360 - 180, countryCode: 'MA', geonameId: Math.floor(random() * 1e7), population: 1e6 } } : {}),
  };
}

function documents(item, index, random) {
  const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
  const article = { id, version: 1, source: { id: 'bench-storage', name: 'Bench storage' }, sourceItemId: item.sourceItemId,
    headline: item.headline, body: item.body, language: item.language ?? 'en', publishedAt: new Date().toISOString(),
    receivedAt: new Date().toISOString(), contentHash: 'x'.repeat(64), storyClusterId: id };
  const entities = Array.from({ length: 16 + Math.floor(random() * 10) }, (_, i) => entity(random, i, item.body));
  const daily = Array.from({ length: 7 }, (_, d) => ({ date: `2026-11-${String(20 + d).padStart(2, '0')}`, weatherCode: 3, temperatureMaxC: 20.1, temperatureMinC: 9.4, precipitationSumMm: 0.2, precipitationProbabilityMax: 10, windSpeedMaxKmh: 14.2 }));
  const weather = { status: 'attached', location: { name: 'Marrakech', lat: 31.63, lon: -8.0 }, current: { time: new Date().toISOString(), temperatureC: 17.2, weatherCode: 1, windSpeedKmh: 8.1, relativeHumidity: 60 }, daily, provider: 'open-meteo', fetchedAt: new Date().toISOString() };
  const documentValue = { article, enrichment: { status: 'enriched', language: 'en', entities, primaryLocation: null, enricherVersion: 'bench', enrichedAt: new Date().toISOString() }, weather };
  return {
    version: { _id: `${id}:1`, articleId: id, version: 1, article, storedAt: new Date() },
    search: { _id: id, version: 1, headline: item.headline, body: item.body, publishedAt: new Date(), sourceId: 'bench-storage', language: article.language,
      entityIds: entities.map((e) => e.id), entityTypes: ['person', 'organization', 'place', 'date'], countryCodes: ['MA'], weatherStatus: 'attached',
      // As the indexer stores it (services/indexer/src/index/stored-search-document.ts): the article as JSON text.
      document: JSON.stringify(documentValue) },
  };
}

async function main() {
  const options = parseOptions();
  useOwnInfra(options);
  const infra = require('../tools/infra');
  const { seededRandom } = require('./corpus');
  const { MongoClient, BSON } = require('mongodb');
  await infra.down({ purge: true, quiet: true });
  let client;
  try {
    await infra.startServer('ferretdb', { quiet: false });
    const ferretdb = infra.SERVERS.find((server) => server.name === 'ferretdb');
    const { settings } = require('../tools/infra/paths');
    const ferretPid = Number(fs.readFileSync(ferretdb.pidFile(settings()), 'utf8').trim());
    client = await new MongoClient(infra.env().MONGODB_URI).connect();
    const db = client.db();
    const { articles: corpus } = loadCorpus({ count: Math.min(options.articles, 20_000), seed: options.seed, cacheDir: path.join(ROOT, '.state', 'bench-corpus') });
    const random = seededRandom(options.seed);
    const docs = Array.from({ length: options.articles }, (_, i) => documents(corpus[i % corpus.length], i, random));
    const bytes = (key) => Math.round(docs.slice(0, 200).reduce((sum, d) => sum + BSON.calculateObjectSize(d[key]), 0) / Math.min(200, docs.length));
    log(`${options.articles} articles; average BSON size: version ${bytes('version')} B, search document ${bytes('search')} B`);

    let next = 0;
    const ferretBefore = readProcess(ferretPid).cpuSeconds;
    const clientBefore = process.cpuUsage();
    const started = Date.now();
    // Writers take the next batch of articles until none are left; each batch is one insertMany per collection.
    await Promise.all(Array.from({ length: options.concurrency }, async () => {
      while (next < docs.length) {
        const batch = docs.slice(next, (next += options.batchSize));
        await db.collection('floor_versions').insertMany(batch.map((d) => d.version), { ordered: false });
        await db.collection('floor_search').insertMany(batch.map((d) => d.search), { ordered: false });
      }
    }));
    const seconds = (Date.now() - started) / 1000;
    const clientCpu = process.cpuUsage(clientBefore);
    const ferretCpuMs = ((readProcess(ferretPid).cpuSeconds - ferretBefore) * 1000) / options.articles;
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000 / options.articles;
    const cores = os.cpus().length;
    const result = {
      kind: 'storage-floor', startedAt: new Date(started).toISOString(), machine: machineInfo(),
      options: { articles: options.articles, batchSize: options.batchSize, concurrency: options.concurrency, seed: options.seed },
      documentBytes: { version: bytes('version'), search: bytes('search') },
      seconds, articlesPerSecond: Math.round((options.articles / seconds) * 10) / 10,
      cpuMsPerArticle: { ferretdb: Math.round(ferretCpuMs * 100) / 100, client: Math.round(clientCpuMs * 100) / 100 },
      ceilingArticlesPerSecond: Math.round((cores * 1000) / (ferretCpuMs + clientCpuMs)),
      counts: { versions: await db.collection('floor_versions').countDocuments(), search: await db.collection('floor_search').countDocuments() },
    };
    fs.mkdirSync(options.out, { recursive: true });
    const file = path.join(options.out, `${result.startedAt.replace(/[:.]/g, '-').slice(0, 19)}Z-storage.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`${result.articlesPerSecond} articles/s (two documents each) in ${seconds.toFixed(1)} s; CPU per article: FerretDB ${result.cpuMsPerArticle.ferretdb} ms, `
      + `client ${result.cpuMsPerArticle.client} ms → at most ${result.ceilingArticlesPerSecond} articles/s on ${cores} cores from storage alone`);
    log(`stored ${result.counts.versions} versions and ${result.counts.search} search documents; wrote ${path.relative(ROOT, file)}`);
  } finally {
    await client?.close();
    await infra.down({ purge: true, quiet: true });
  }
}

main().catch((error) => {
  console.error(`[storage] failed: ${error.stack ?? error}`);
  process.exit(1);
});
