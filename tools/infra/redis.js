// Redis from Debian's redis-server package, run as our own instance (never the system service).
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { commandExists, runChecked, startDetached, waitUntil } = require('./process-utils');

function layout(s) {
  const dir = path.join(s.stateDir, 'redis');
  return { dir, logFile: path.join(dir, 'redis.log'), pidFile: path.join(dir, 'redis.pid') };
}

/** PING over RESP: healthy means Redis answers, not merely that the port is open. */
function ping(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let answer = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      answer += d;
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
  });
}

function preflight() {
  if (commandExists('redis-server') || process.getuid?.() === 0) return [];
  return ['redis-server (as root: apt-get update && apt-get install -y redis-server)'];
}

async function install() {
  if (commandExists('redis-server')) return;
  // policy-rc.d 101 keeps the package from starting the system service on the port we want.
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
    args: ['--bind', '127.0.0.1', '--port', String(s.redisPort), '--dir', l.dir, '--daemonize', 'no',
      '--save', '', '--appendonly', 'yes', '--logfile', ''],
    cwd: l.dir,
    logFile: l.logFile,
    pidFile: l.pidFile,
  });
  await waitUntil(() => ping(s.redisPort), { timeoutMs: 30_000, what: `Redis on 127.0.0.1:${s.redisPort}`, pid, logFile: l.logFile });
}

module.exports = {
  name: 'redis',
  envVar: 'REDIS_URL',
  version: 'debian',
  ports: (s) => [s.redisPort],
  url: (s) => `redis://127.0.0.1:${s.redisPort}`,
  pidFile: (s) => layout(s).pidFile,
  logFile: (s) => layout(s).logFile,
  healthy: (s) => ping(s.redisPort),
  preflight,
  install,
  start,
};
