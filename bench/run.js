// `npm run bench`: end-to-end throughput and latency of the four services as production processes
// on their own Kafka, FerretDB and Redis, against a four-hop kafkajs relay on the same broker.
// Writes <out>/<timestamp>-<mode>.json and .svg; bench/README.md explains the numbers.
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { parseOptions, ROOT } = require('./options');
const { loadCorpus, describeCorpus } = require('./corpus');
const { infraProcesses, startInfra, stopInfra, startServices, stopServices } = require('./stack');
const { startFakeWeather } = require('./fake-weather');
const { ProcessSampler, machineInfo } = require('./process-sampler');
const { SpeedCanary } = require('./speed-canary');
const { kafkaClient, ArrivalWatcher, LagSampler } = require('./kafka-watch');
const { runRelayBaseline } = require('./relay-baseline');
const { measurePipeline, warmUpPipeline } = require('./pipeline-phases');
const { summarise, LOAD_GENERATOR } = require('./summary');
const { renderRunChart } = require('./run-chart');
const { toReceivedMessage } = require('./payloads');

const log = (line) => console.log(`[bench] ${line}`);

async function build() {
  const { run, bin } = require('../scripts/run');
  log('building the libraries and the four services');
  await run(bin('nx'), ['run-many', '-t', 'build', '--projects=contracts,platform,messaging,text,ingest,enricher,weather,indexer', '--output-style=static']);
}

async function main() {
  const options = parseOptions();
  if (options.help) return console.log(options.help);
  const startedAt = new Date();
  const runTag = `${startedAt.getTime().toString(36)}${randomBytes(2).toString('hex')}`;
  const machineAtStart = machineInfo();
  log(`mode ${options.mode}, ${options.articles} articles, ${options.rate}/s for ${options.latencySeconds} s, seed ${options.seed}; load average ${machineAtStart.loadAverage.one} on ${machineAtStart.cpus} CPUs`);
  if (!options.skipBuild) await build();

  const corpusDir = path.join(ROOT, '.state', 'bench-corpus');
  const corpus = loadCorpus({ count: options.articles, seed: options.seed, cacheDir: corpusDir });
  log(`corpus: ${corpus.cached ? 'cached' : 'generated'} ${path.relative(ROOT, corpus.file)}`);
  const warmUpCorpus = options.warmUp > 0 ? loadCorpus({ count: options.warmUp, seed: (options.seed + 1) % 2 ** 31, cacheDir: corpusDir }) : null;

  const cleanups = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch((error) => log(`cleanup: ${error.message}`));
  };
  process.once('SIGINT', () => cleanup().finally(() => process.exit(130)));
  try {
    // Registered first: a server that did start must be stopped even when another one failed to.
    cleanups.push(() => stopInfra(options));
    const servers = await startInfra(options);
    const weather = await startFakeWeather(options.servicePortBase + 9);
    cleanups.push(() => weather.stop());
    const adminKey = `nfa_bench_${randomBytes(16).toString('hex')}`;
    const logDir = path.join(options.stateDir + '-logs', runTag);
    const env = { ...servers, ADMIN_API_KEY: adminKey, LOG_LEVEL: 'warn', OPEN_METEO_BASE_URL: weather.url, OPEN_METEO_ARCHIVE_BASE_URL: weather.url };
    log('starting the four services');
    const services = await startServices(options, env, logDir);
    cleanups.push(() => stopServices(services));
    log(`services ready: ${services.map((s) => `${s.name} ${s.url} (pid ${s.pid})`).join(', ')}; logs in ${path.relative(ROOT, logDir)}`);

    const kafka = kafkaClient(servers.KAFKA_BROKERS, `bench-${runTag}`);
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    const sampler = new ProcessSampler([...services, ...infraProcesses(), { name: 'fake-weather', pid: weather.pid }, { name: LOAD_GENERATOR, pid: process.pid }]);
    sampler.start();
    cleanups.push(async () => sampler.stop());
    const canary = new SpeedCanary().start();
    cleanups.push(async () => canary.stop());
    const { TOPICS } = require('@newsflow/contracts');
    const lag = new LagSampler(admin, [
      { group: 'newsflow-enricher', topics: [TOPICS.articleReceived] },
      { group: 'newsflow-weather', topics: [TOPICS.articleEnriched] },
      { group: 'newsflow-indexer', topics: [TOPICS.articleWeatherAttached] },
      { group: 'newsflow-ingest', topics: [TOPICS.articleEnriched, TOPICS.articleWeatherAttached, TOPICS.articleIndexed] },
    ]);
    lag.start();
    cleanups.push(async () => lag.stop());
    const watcher = new ArrivalWatcher(kafka, [TOPICS.articleEnriched, TOPICS.articleWeatherAttached, TOPICS.articleIndexed], `bench-watch-${runTag}`);
    await watcher.start();
    cleanups.push(() => watcher.stop());

    // Before the baseline too, so the relay finds the broker as warm as the pipeline does.
    const warmUp = warmUpCorpus ? await warmUpPipeline({ options, services, kafka, adminKey, watcher, runTag, log }, warmUpCorpus.articles) : null;
    let baseline = null;
    if (!options.skipBaseline) {
      const source = { id: 'bench-relay', name: 'Bench relay' };
      const messages = corpus.articles.map((item) => toReceivedMessage(item, source, runTag));
      sampler.mark('baseline-start');
      baseline = await runRelayBaseline({ kafka, admin, brokers: servers.KAFKA_BROKERS, partitions: 3, messages, runTag, log });
      sampler.mark('baseline-end');
      // Kafka's own CPU per relayed event is the yardstick for what the pipeline's per-message produce costs the broker.
      baseline.cpu = sampler.between('baseline-start', 'baseline-end');
      log(`baseline: ${baseline.sustainedPerSecond} events/s sustained through ${baseline.hops} hops`);
    }
    const pipeline = await measurePipeline({ options, corpus: corpus.articles, services, kafka, adminKey, watcher, sampler, runTag, log });

    sampler.stop();
    lag.stop();
    await stopServices(services); // before the summary, so a --cpu-prof profile is on disk to name
    const finishedAt = new Date();
    const result = summarise({ options, startedAt, finishedAt, machineAtStart, machineAtEnd: machineInfo(), corpus: describeCorpus(corpus.articles),
      warmUp, baseline, pipeline, sampler, lag, canary, logDir, root: ROOT });
    fs.mkdirSync(options.out, { recursive: true });
    const stem = path.join(options.out, `${startedAt.toISOString().slice(0, 19).replace(/:/g, '-')}Z-${options.mode}`);
    result.chart = path.basename(`${stem}.svg`);
    fs.writeFileSync(`${stem}.svg`, renderRunChart(result));
    fs.writeFileSync(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), `${stem}.json`)} and .svg`);
    printSummary(result);
  } finally {
    await cleanup();
  }
}

function printSummary(r) {
  const t = r.targets;
  const line = (name, target) => `  ${name.padEnd(34)} ${String(target.measured).padStart(10)}  (target ${target.target}${target.met ? ', met' : ', NOT met'})`;
  console.log(`\n[bench] ${r.options.mode} mode, load average ${r.machine.atStart.loadAverage.one} → ${r.machine.atEnd.loadAverage.one}`);
  console.log(line('sustained articles/s', t.sustainedThroughput));
  console.log(line('ratio to relay baseline', t.ratioToBaseline));
  console.log(line(`p99 ms at ${r.options.rate}/s`, t.p99AtRate));
  if (t.p99AtRate.refused > 0) console.log(`  ${''.padEnd(34)} ${t.p99AtRate.refused} requests were not accepted: their latency is in no percentile, so the target is not met`);
  if (!t.p99AtRate.rateReached) console.log(`  ${''.padEnd(34)} only ${t.p99AtRate.offeredPerSecond}/s could be offered: the rate was not reached, so the target is not met`);
  console.log(line('largest peak RSS MB', t.peakRss));
  for (const row of r.sweep?.rates ?? []) {
    console.log(`  sweep ${String(row.targetPerSecond).padStart(5)}/s (offered ${row.offeredPerSecond}${row.rateReached ? '' : ', not reached'}): p50 ${row.p50}, p95 ${row.p95}, p99 ${row.p99} ms; `
      + `${row.cpuMsPerArticle} ms CPU per article${row.metP99 ? ', p99 target met' : ''}`);
  }
  if (r.sweep) console.log(`  highest rate with p99 ≤ 500 ms (main phase and sweep): ${r.sweep.highestRateMeetingP99 ?? 'none'}`);
  const all = { ...r.services, ...r.infrastructure };
  const sum = (key) => Object.values(all).reduce((total, p) => total + (p[key] ?? 0), 0).toFixed(1);
  console.log(`  CPU ms per article, all processes: backlog ${sum('cpuMsPerArticle')}, fixed rate ${sum('latencyCpuMsPerArticle')}`);
  const speed = r.machine.speed;
  if (speed.backlogUnitMs) {
    console.log(`  the same in speed-canary units (machine speed, bench/speed-canary.js: one unit took ${speed.backlogUnitMs} / ${speed.latencyUnitMs} ms): `
      + `backlog ${speed.backlogCpuPerArticleInUnits}, fixed rate ${speed.latencyCpuPerArticleInUnits}`);
  }
  // ms, not units: indented under the units line, these were taken for units (bench/README.md, seventeenth session).
  console.log(`  CPU ms per article by process, backlog / fixed rate: ${Object.entries(all).map(([name, p]) => `${name} ${p.cpuMsPerArticle} / ${p.latencyCpuMsPerArticle}`).join(', ')}`);
  if (r.loadGenerator) console.log(`  load generator (this process, not counted above): ${r.loadGenerator.cpuMsPerArticle} / ${r.loadGenerator.latencyCpuMsPerArticle} ms per article`);
}

main().then(() => process.exit(0), (error) => {
  console.error(`[bench] failed: ${error.stack ?? error.message}`);
  process.exit(error.usage ? 2 : 1);
});
