// Throughput of entity extraction on ~4 KB wire articles built from the eval set: single thread
// (= per core) and through the worker pool. Needs the build: npx tsc -p services/enricher/tsconfig.build.json
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const dist = path.join(__dirname, '..', 'dist', 'extraction');
const { extractEntities } = require(path.join(dist, 'extract-entities.js'));
const { loadGazetteer } = require(path.join(dist, 'gazetteer.js'));
const { WorkerPool } = require(path.join(dist, 'extraction-pool.js'));

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

function articles() {
  const dir = path.join(__dirname, 'articles');
  const docs = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  // Each story is padded with the following ones up to ~4 KB, the size the target is stated for.
  return docs.map((d, i) => {
    let body = d.body;
    for (let k = 1; body.length < 4000; k += 1) body += '\n\n' + docs[(i + k) % docs.length].body;
    return { headline: d.headline, body: body.slice(0, 4096), publishedAt: d.publishedAt };
  });
}

async function main() {
  const set = articles();
  const gazetteer = loadGazetteer();
  for (let i = 0; i < 50; i += 1) extractEntities(set[i % set.length], { gazetteer }); // warm-up
  let n = 0;
  const started = Date.now();
  while (Date.now() - started < SECONDS * 1000) extractEntities(set[n++ % set.length], { gazetteer });
  const single = n / ((Date.now() - started) / 1000);
  console.log(`single thread: ${single.toFixed(0)} articles/s per core (avg ${(set.reduce((s, a) => s + a.body.length, 0) / set.length).toFixed(0)} chars)`);

  const workers = Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
  const pool = new WorkerPool(workers, () => new Worker(path.join(dist, 'extraction.worker.js')));
  await Promise.all(set.map((a) => pool.run(a))); // workers build their gazetteers
  const poolStarted = Date.now();
  let done = 0;
  const inFlight = [];
  const pump = async () => {
    while (Date.now() - poolStarted < SECONDS * 1000) {
      await pool.run(set[done % set.length]);
      done += 1;
    }
  };
  for (let i = 0; i < workers * 4; i += 1) inFlight.push(pump());
  await Promise.all(inFlight);
  const rate = done / ((Date.now() - poolStarted) / 1000);
  console.log(`worker pool (${workers} workers): ${rate.toFixed(0)} articles/s, ${(rate / workers).toFixed(0)} per worker`);
  await pool.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
