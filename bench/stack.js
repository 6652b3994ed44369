// The system under test: its own Kafka, FerretDB and Redis (other ports and state directory than
// tests and `npm start`), the fake Open-Meteo, and the four services as production-built processes.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./options');
const { runtimeEnv } = require('../tools/service-runtime');

const SERVICES = ['ingest', 'enricher', 'weather', 'indexer'];
const INFRA_VARIABLES = ['KAFKA_BROKERS', 'MONGODB_URI', 'REDIS_URL'];

/** The infra tool reads process.env; point it at the bench's set, never at servers named by the caller's env. */
function useBenchInfraSettings(options) {
  for (const name of INFRA_VARIABLES) delete process.env[name];
  Object.assign(process.env, {
    NEWSFLOW_STATE_DIR: options.stateDir,
    NEWSFLOW_KAFKA_PORT: String(options.kafkaPort),
    NEWSFLOW_KAFKA_CONTROLLER_PORT: String(options.kafkaControllerPort),
    NEWSFLOW_MONGO_PORT: String(options.mongoPort),
    NEWSFLOW_REDIS_PORT: String(options.redisPort),
  });
}

/** Purges what an earlier run left (topics, offsets, documents) and starts the three servers afresh. */
async function startInfra(options) {
  useBenchInfraSettings(options);
  const infra = require('../tools/infra');
  await infra.down({ purge: true, quiet: true });
  return infra.up({ quiet: false });
}

/** Pids of the bench's Kafka, FerretDB and Redis, so their CPU and memory are measured too. */
function infraProcesses() {
  const { SERVERS } = require('../tools/infra');
  const { settings } = require('../tools/infra/paths');
  const s = settings();
  return SERVERS.map((server) => ({ name: server.name, pid: Number(fs.readFileSync(server.pidFile(s), 'utf8').trim()) }));
}

async function stopInfra(options) {
  useBenchInfraSettings(options);
  await require('../tools/infra').down({ purge: !options.keepInfra, quiet: true });
}

async function waitReady(name, child, url, logFile) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} while starting; see ${logFile}`);
    if (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${name} did not become ready within 180 s; see ${logFile}`);
}

function withDatabase(uri, database) {
  const url = new URL(uri);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Starts the services (all four unless named) in parallel; resolves once all answer /health/ready. */
async function startServices(options, env, logDir, names = SERVICES) {
  fs.mkdirSync(logDir, { recursive: true });
  const started = names.map((name) => {
    const port = options.servicePortBase + SERVICES.indexOf(name) + 1;
    const logFile = path.join(logDir, `${name}.log`);
    const out = fs.openSync(logFile, 'w');
    // --cpu-prof writes a .cpuprofile into logDir when the process exits cleanly (SIGTERM drain).
    const profile = options.cpuProf === name ? ['--cpu-prof', `--cpu-prof-dir=${logDir}`] : [];
    const database = options.databases === 'per-service' ? { MONGODB_URI: withDatabase(env.MONGODB_URI, `newsflow_${name}`) } : {};
    const child = spawn(process.execPath, [...profile, path.join(ROOT, 'services', name, 'dist', 'main.js')], {
      env: { ...process.env, ...env, ...database, ...runtimeEnv(name), NODE_ENV: 'production', HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' },
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    return { name, port, url: `http://127.0.0.1:${port}`, child, pid: child.pid, logFile };
  });
  process.once('exit', () => started.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL')));
  try {
    await Promise.all(started.map((s) => waitReady(s.name, s.child, s.url, s.logFile)));
  } catch (error) {
    await stopServices(started);
    throw error;
  }
  return started;
}

/** SIGTERM (so consumers commit and --cpu-prof is written), SIGKILL after 30 s. */
async function stopServices(services) {
  await Promise.all(services.map((s) => new Promise((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
    const timer = setTimeout(() => s.child.kill('SIGKILL'), 30_000);
    s.child.once('exit', () => { clearTimeout(timer); resolve(); });
    s.child.kill('SIGTERM');
  })));
}

module.exports = { SERVICES, infraProcesses, startInfra, stopInfra, startServices, stopServices };
