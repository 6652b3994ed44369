// Real Kafka, MongoDB-compatible FerretDB and Redis on loopback, for tests and the demo.
// A server whose variable (KAFKA_BROKERS, MONGODB_URI, REDIS_URL) the user set is not started.
const fs = require('node:fs');
const path = require('node:path');
const kafka = require('./kafka');
const ferretdb = require('./ferretdb');
const redis = require('./redis');
const { settings } = require('./paths');
const { withLock } = require('./lock');
const { healthyWithin, portOpen, readPid, runningPid, stopPid } = require('./process-utils');

const SERVERS = [kafka, ferretdb, redis];

const external = (server) => process.env[server.envVar];

function env(s = settings()) {
  return Object.fromEntries(SERVERS.map((server) => [server.envVar, external(server) || server.url(s)]));
}

async function ensure(server, s, log) {
  const say = (line) => log(`${server.name.padEnd(8)} ${line}`);
  if (external(server)) return say(`using external ${server.envVar}=${external(server)}`);
  const pid = runningPid(server.pidFile(s), server.marker(s));
  if (pid) {
    if (await healthyWithin(() => server.healthy(s), 10_000)) return say(`already running (pid ${pid}) at ${server.url(s)}`);
    say(`pid ${pid} runs but does not answer on its port; restarting it`);
    await stopPid(server.pidFile(s), server.marker(s));
  }
  for (const port of server.ports(s)) {
    if (await portOpen(port)) {
      throw new Error(`${server.name}: port 127.0.0.1:${port} is held by a process this tool did not start. `
        + `Stop it, or point the project at it with ${server.envVar}=…, or move ours with NEWSFLOW_*_PORT (tools/infra/README.md).`);
    }
  }
  const started = Date.now();
  await server.install(s, say);
  await server.start(s).catch((error) => {
    error.message += `\n(data in ${s.stateDir}: if it is what fails, "npm run infra -- down --purge" starts afresh)`;
    throw error;
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(`started ${server.version} at ${server.url(s)} in ${seconds} s (pid ${readPid(server.pidFile(s))}, log ${server.logFile(s)})`);
}

function preflight(s) {
  const missing = SERVERS.filter((server) => !external(server)).flatMap((server) => server.preflight(s));
  if (missing.length > 0) throw new Error(`missing tools:\n  - ${missing.join('\n  - ')}`);
}

/** Brings all three up (in parallel: Kafka's JVM start dominates) and resolves with their variables. */
async function up({ quiet = false } = {}) {
  const s = settings();
  const log = quiet ? () => {} : (line) => console.log(`[infra] ${line}`);
  preflight(s);
  fs.mkdirSync(s.stateDir, { recursive: true });
  await withLock(path.join(s.stateDir, 'infra-up.lock'), async () => {
    const results = await Promise.allSettled(SERVERS.map((server) => ensure(server, s, log)));
    const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
    if (failures.length > 0) throw new Error(failures.join('\n\n'));
  }, { log });
  return env(s);
}

/** Stops only what our pid files name; data stays unless purge. */
async function down({ purge = false, quiet = false } = {}) {
  const s = settings();
  const log = quiet ? () => {} : (line) => console.log(`[infra] ${line}`);
  await Promise.all(SERVERS.map(async (server) => {
    const stopped = await stopPid(server.pidFile(s), server.marker(s));
    log(`${server.name.padEnd(8)} ${stopped ? 'stopped' : 'was not running'}`);
  }));
  if (purge) {
    fs.rmSync(s.stateDir, { recursive: true, force: true });
    log(`removed ${s.stateDir}`);
  }
}

/** One row per server: running (pid, url), unhealthy, stopped, or external. */
async function status() {
  const s = settings();
  return Promise.all(SERVERS.map(async (server) => {
    if (external(server)) return { server: server.name, state: 'external', where: external(server) };
    const pid = runningPid(server.pidFile(s), server.marker(s));
    const state = !pid ? 'stopped' : (await server.healthy(s)) ? 'running' : 'unhealthy';
    return { server: server.name, state, pid, where: server.url(s) };
  }));
}

function serverNamed(name) {
  const server = SERVERS.find((candidate) => candidate.name === name);
  if (!server) throw new Error(`unknown server "${name}"; expected one of ${SERVERS.map((c) => c.name).join(', ')}`);
  return server;
}

/** Stops one server (fault tests restart the broker, the database or the cache alone); data stays. */
async function stopServer(name) {
  const s = settings();
  const server = serverNamed(name);
  return stopPid(server.pidFile(s), server.marker(s));
}

/** Starts one server again (a no-op when it runs and answers). */
async function startServer(name, { quiet = true } = {}) {
  const s = settings();
  const log = quiet ? () => {} : (line) => console.log(`[infra] ${line}`);
  await ensure(serverNamed(name), s, log);
}

module.exports = { up, down, status, env, stopServer, startServer, SERVERS };
