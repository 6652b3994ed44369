// Redis from Debian's redis-server package, run as our own instance (never the system service).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { commandExists, runChecked, startDetached, waitUntil } = require('./process-utils');
const { redisPing } = require('./probes');

const APT = 'apt-get update && apt-get install -y redis-server';

function layout(s) {
  const dir = path.join(s.stateDir, 'redis');
  return { dir, logFile: path.join(dir, 'redis.log'), pidFile: path.join(dir, 'redis.pid') };
}

const isRoot = () => process.getuid?.() === 0;

function preflight() {
  if (commandExists('redis-server')) return [];
  if (isRoot() && commandExists('apt-get')) return []; // installed by install() below
  return [`redis-server (run as root: ${APT})`];
}

async function install(s, log) {
  if (commandExists('redis-server')) return;
  log(`installing Debian's redis-server (${APT})`);
  // policy-rc.d exiting 101 keeps the package from starting the system service on the port we want.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !fs.existsSync(policy);
  if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    await runChecked('apt-get', ['update'], { env });
    await runChecked('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { env });
  } finally {
    if (ownPolicy) fs.rmSync(policy, { force: true });
  }
}

async function start(s) {
  const l = layout(s);
  fs.mkdirSync(l.dir, { recursive: true });
  const pid = startDetached({
    command: 'redis-server',
    // --logfile '' logs to stdout, which startDetached sends to redis.log (rotated per start).
    args: ['--bind', '127.0.0.1', '--port', String(s.redisPort), '--dir', l.dir, '--daemonize', 'no',
      '--save', '', '--appendonly', 'yes', '--logfile', ''],
    cwd: l.dir,
    logFile: l.logFile,
    pidFile: l.pidFile,
  });
  await waitUntil(() => redisPing(s.redisPort), { timeoutMs: 30_000, what: `Redis on 127.0.0.1:${s.redisPort}`, pid, logFiles: [l.logFile] });
}

module.exports = {
  name: 'redis',
  envVar: 'REDIS_URL',
  get version() {
    const out = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout || '';
    return /v=(\S+)/.exec(out)?.[1] ?? 'from Debian';
  },
  ports: (s) => [s.redisPort],
  url: (s) => `redis://127.0.0.1:${s.redisPort}`,
  pidFile: (s) => layout(s).pidFile,
  // Redis rewrites its command line to "redis-server 127.0.0.1:PORT".
  marker: () => 'redis-server',
  logFile: (s) => layout(s).logFile,
  healthy: (s) => redisPing(s.redisPort),
  preflight,
  install,
  start,
};
