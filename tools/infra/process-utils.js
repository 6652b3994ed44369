// Detached server processes tracked by pid files, and the commands and waits around them.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function readPid(pidFile) {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * The pid from our pid file while that process still runs and is still ours: after a reboot the
 * number may belong to an unrelated process, which `down` must never signal.
 */
function runningPid(pidFile, marker) {
  const pid = readPid(pidFile);
  if (!pid || !isAlive(pid)) return undefined;
  let cmdline;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return pid; // no /proc (macOS): the pid file is all there is to go on
  }
  return !marker || cmdline.includes(marker) ? pid : undefined;
}

function portOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Keeps the previous run's log beside the new one: a crash is often explained by the run before. */
function rotate(logFile) {
  if (fs.existsSync(logFile)) fs.renameSync(logFile, `${logFile}.prev`);
}

/**
 * Starts a server that outlives this CLI: its own process group (so Ctrl-C on `npm test` does not
 * reach it), no handle on our stdio (so `npm run infra -- up` returns), pid recorded.
 */
function startDetached({ command, args, cwd, env, logFile, pidFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  rotate(logFile);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  child.on('error', () => {}); // a missing binary surfaces as "exited during start-up" with the log
  if (!child.pid) throw new Error(`could not start ${command}`);
  fs.writeFileSync(pidFile, String(child.pid));
  child.unref();
  return child.pid;
}

async function waitUntil(check, { timeoutMs, what, pid, logFiles = [] }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (pid && !isAlive(pid)) throw new Error(`${what} exited during start-up\n${tail(logFiles)}`);
    await sleep(300);
  }
  throw new Error(`${what} not healthy after ${Math.round(timeoutMs / 1000)} s\n${tail(logFiles)}`);
}

/** Retries a health check for a while: a busy server (JVM GC, a long test) may miss one probe. */
async function healthyWithin(check, ms) {
  const deadline = Date.now() + ms;
  do {
    if (await check()) return true;
    await sleep(500);
  } while (Date.now() < deadline);
  return false;
}

function tail(logFiles, lines = 30) {
  const parts = [].concat(logFiles).filter((f) => fs.existsSync(f) && fs.statSync(f).size > 0).map((f) => {
    const text = fs.readFileSync(f, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return `--- last ${lines} lines of ${f} ---\n${text}`;
  });
  return parts.length > 0 ? parts.join('\n') : `(nothing logged in ${[].concat(logFiles).join(', ')})`;
}

async function stopPid(pidFile, marker, graceMs = 20_000) {
  const pid = runningPid(pidFile, marker);
  if (pid) {
    // The whole process group the server leads, so helpers it forked go too.
    const signal = (sig) => {
      try { process.kill(-pid, sig); } catch { try { process.kill(pid, sig); } catch { /* gone */ } }
    };
    signal('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(200);
    if (isAlive(pid)) signal('SIGKILL');
  }
  fs.rmSync(pidFile, { force: true });
  return Boolean(pid);
}

function commandExists(command) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

/** Runs a command to completion without blocking the other servers' start; throws with its output on failure. */
function runChecked(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve(output);
      const lastLines = output.trim().split('\n').slice(-40).join('\n');
      reject(new Error(`${command} ${args.join(' ')} failed (exit ${code})\n${lastLines}`));
    });
  });
}

module.exports = {
  sleep, readPid, isAlive, runningPid, portOpen, startDetached, waitUntil, healthyWithin, stopPid, commandExists, runChecked, tail,
};
