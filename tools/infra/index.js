// Real Kafka, MongoDB-compatible FerretDB and Redis on loopback, for tests and the demo.
// A server whose variable (KAFKA_BROKERS, MONGODB_URI, REDIS_URL) the user set is not started.
const fs = require('node:fs');
const kafka = require('./kafka');
const ferretdb = require('./ferretdb');
const redis = require('./redis');
const { settings } = require('./paths');
const { portOpen, runningPid, stopPid } = require('./process-utils');

const SERVERS = [kafka, ferretdb, redis];

function env(s = settings()) {
  return Object.fromEntries(SERVERS.map((server) => [server.envVar, process.env[server.envVar] || server.url(s)]));
}

async function ensure(server, s, log) {
  if (process.env[server.envVar]) {
    log(`${server.name}: using external ${server.envVar}=${process.env[server.envVar]}`);
    return;
  }
  const pid = runningPid(server.pidFile(s));
  if (pid && (await server.healthy(s))) {
    log(`${server.name}: already running (pid ${pid}) at ${server.url(s)}`);
    return;
  }
  if (pid) await stopPid(server.pidFile(s)); // ours but unhealthy: restart it cleanly
  for (const port of server.ports(s)) {
    if (await portOpen(port)) {
      throw new Error(`${server.name}: port ${port} is held by another process; stop it, or set ${server.envVar} to use that server, or choose other ports (see README)`);
    }
  }
  const started = Date.now();
  await server.install(s);
  await server.start(s);
  log(`${server.name}: started ${server.version} at ${server.url(s)} in ${((Date.now() - started) / 1000).toFixed(1)} s (log ${server.logFile(s)})`);
}

function preflight() {
  const missing = SERVERS.filter((server) => !process.env[server.envVar]).flatMap((server) => server.preflight());
  if (missing.length > 0) throw new Error(`missing tools:\n  - ${missing.join('\n  - ')}`);
}

async function up({ quiet = false } = {}) {
  const s = settings();
  const log = quiet ? () => {} : (line) => console.log(`[infra] ${line}`);
  preflight();
  fs.mkdirSync(s.stateDir, { recursive: true });
  // In parallel: Kafka's download and JVM start dominate, the others finish meanwhile.
  const results = await Promise.allSettled(SERVERS.map((server) => ensure(server, s, log)));
  const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
  if (failures.length > 0) throw new Error(failures.join('\n\n'));
  return env(s);
}

async function down({ purge = false } = {}) {
  const s = settings();
  for (const server of SERVERS) {
    const stopped = await stopPid(server.pidFile(s));
    console.log(`[infra] ${server.name}: ${stopped ? 'stopped' : 'was not running (started by us)'}`);
  }
  if (purge) {
    fs.rmSync(s.stateDir, { recursive: true, force: true });
    console.log(`[infra] removed ${s.stateDir}`);
  }
}

async function status() {
  const s = settings();
  const rows = [];
  for (const server of SERVERS) {
    if (process.env[server.envVar]) {
      rows.push({ server: server.name, state: 'external', where: process.env[server.envVar] });
      continue;
    }
    const pid = runningPid(server.pidFile(s));
    const healthy = pid ? await server.healthy(s) : false;
    rows.push({ server: server.name, state: pid ? (healthy ? 'running' : 'unhealthy') : 'stopped', pid: pid ?? '', where: server.url(s) });
  }
  return rows;
}

module.exports = { up, down, status, env, SERVERS };
