// `npm start`: install what is missing, bring the infrastructure up, build and start the four
// services and the console (dashboard), push the bundled sample articles through the pipeline and show what came out.
// Services keep running until Ctrl-C; `npm start -- --once` stops them after the demo.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { ensureDeps } = require('./ensure-deps');
const { run, bin, root } = require('./run');
const { pushSamples } = require('./push-samples');
const { runtimeEnv } = require('../tools/service-runtime');

const SERVICES = [
  { name: 'ingest', port: 8081 },
  { name: 'enricher', port: 8082 },
  { name: 'weather', port: 8083 },
  { name: 'indexer', port: 8084 },
  // The dashboard: reads the four over HTTP, so it starts with them and is given their URLs.
  { name: 'console', port: 8080 },
];

const portOf = (service) => Number(process.env[`${service.name.toUpperCase()}_HTTP_PORT`] ?? service.port);

/** The console's settings pointing at the four services' (possibly overridden) ports. */
function consoleEnv() {
  const urls = SERVICES.filter((s) => s.name !== 'console').map((s) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${portOf(s)}`]);
  return Object.fromEntries(urls);
}

async function waitReady(service, child, logFile) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${service.name} exited (${child.exitCode}); see ${logFile}`);
    const ok = await fetch(`http://127.0.0.1:${service.port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${service.name} did not become ready within 120 s; see ${logFile}`);
}

/** The admin key of this checkout's demo, kept in .state so the admin API stays usable between runs. */
function adminKey() {
  const file = path.join(root, '.state', 'admin-api-key');
  if (process.env.ADMIN_API_KEY) return process.env.ADMIN_API_KEY;
  // .state exists only once the infra ran from it; with NEWSFLOW_STATE_DIR elsewhere it may not.
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, `nfa_${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

function startServices(env) {
  const logDir = path.join(root, '.state', 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  return SERVICES.map((service) => {
    const logFile = path.join(logDir, `${service.name}.log`);
    const out = fs.openSync(logFile, 'a');
    const port = portOf(service);
    Object.assign(service, { port, logFile });
    const child = spawn(process.execPath, [path.join(root, 'services', service.name, 'dist', 'main.js')], {
      env: { ...process.env, ...env, ...runtimeEnv(service.name), HTTP_PORT: String(port) },
      stdio: ['ignore', out, out],
    });
    return { service, child, logFile };
  });
}

async function main() {
  const once = process.argv.includes('--once');
  ensureDeps();
  const infra = require('../tools/infra');
  const env = await infra.up({ quiet: false });
  await run(bin('nx'), ['run-many', '-t', 'build', '--output-style=static']);

  // The demo is offline: unless the user points the weather service somewhere, it talks to the local
  // stand-in for Open-Meteo (same request and response format; Marrakech reproduces the seed page).
  let fakeWeather;
  const weatherEnv = {};
  if (!process.env.OPEN_METEO_BASE_URL && !process.env.WEATHER_PROVIDER) {
    fakeWeather = await require('../tools/fake-open-meteo/server').start({ port: Number(process.env.FAKE_OPEN_METEO_PORT ?? 8090) });
    Object.assign(weatherEnv, { OPEN_METEO_BASE_URL: fakeWeather.url, OPEN_METEO_ARCHIVE_BASE_URL: fakeWeather.url });
    console.log(`[newsflow] weather: local fake Open-Meteo at ${fakeWeather.url} (set OPEN_METEO_BASE_URL=https://api.open-meteo.com for the real one; unreachable → weather.status "unavailable")`);
  } else {
    console.log(`[newsflow] weather: provider ${process.env.WEATHER_PROVIDER ?? 'open-meteo'} at ${process.env.OPEN_METEO_BASE_URL ?? 'its default URL'}; unreachable → weather.status "unavailable"`);
  }

  const admin = adminKey();
  // The console gets no key: what it shows of ingest's admin API (dead letters) needs its user to sign in with this one.
  const running = startServices({ ...env, ...weatherEnv, ...consoleEnv(), ADMIN_API_KEY: admin });
  const stopAll = () => {
    running.forEach(({ child }) => child.exitCode === null && child.kill('SIGTERM'));
    fakeWeather?.close();
  };
  process.on('SIGINT', () => { stopAll(); process.exit(130); });
  process.on('SIGTERM', () => { stopAll(); process.exit(143); });
  try {
    await Promise.all(running.map(({ service, child, logFile }) => waitReady(service, child, logFile)));
  } catch (error) {
    stopAll();
    throw error;
  }
  console.log('\n[newsflow] all four services and the console are ready:');
  for (const { service, logFile } of running) console.log(`  ${service.name.padEnd(9)} http://127.0.0.1:${service.port}  (docs /docs, log ${path.relative(root, logFile)})`);

  await pushSamples({ ingestUrl: `http://127.0.0.1:${SERVICES[0].port}`, indexerUrl: `http://127.0.0.1:${SERVICES[3].port}`, adminKey: admin });
  console.log(`
[newsflow] where to look:
  final topic    kcat -b ${env.KAFKA_BROKERS} -C -t news.articles.indexed.v1 -e
  index          MongoDB ${env.MONGODB_URI}, collection search_articles
  dashboard      http://127.0.0.1:${SERVICES[4].port}/  (pipeline, articles, search; sign in with the key in .state/admin-api-key to list dead letters; docs/runbook.md explains the metrics)
  metrics        http://127.0.0.1:${SERVICES[0].port}/metrics (each service has /metrics, /health/ready)
  admin API      http://127.0.0.1:${SERVICES[0].port}/v1/admin/sources with the key in .state/admin-api-key
  infrastructure npm run infra -- status | down`);

  if (once) {
    stopAll();
    await Promise.all(running.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))));
    return;
  }
  console.log('\n[newsflow] services keep running; Ctrl-C stops them (the infrastructure stays up).');
}

main().catch((error) => {
  console.error(`\n[newsflow] npm start failed: ${error.message}`);
  process.exit(1);
});
