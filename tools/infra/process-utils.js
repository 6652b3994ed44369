// Detached server processes tracked by pid files, and the port checks around them.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

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
  } catch {
    return false;
  }
}

/** The pid from our pid file when that process still runs. */
function runningPid(pidFile) {
  const pid = readPid(pidFile);
  return pid && isAlive(pid) ? pid : undefined;
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

/** Starts a server that outlives this CLI: own session, output to a log file, pid recorded. */
function startDetached({ command, args, cwd, env, logFile, pidFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  fs.writeFileSync(pidFile, String(child.pid));
  child.unref();
  return child.pid;
}

async function waitUntil(check, { timeoutMs, what, pid, logFile }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (pid && !isAlive(pid)) throw new Error(`${what} exited during start-up\n${tail(logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} not healthy after ${Math.round(timeoutMs / 1000)} s\n${tail(logFile)}`);
}

function tail(logFile, lines = 30) {
  try {
    const text = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return `--- last lines of ${logFile} ---\n${text}`;
  } catch {
    return `(no log at ${logFile})`;
  }
}

async function stopPid(pidFile, graceMs = 20000) {
  const pid = runningPid(pidFile);
  if (pid) {
    // Negative pid: the whole process group the server started in.
    const signal = (sig) => { try { process.kill(-pid, sig); } catch { try { process.kill(pid, sig); } catch { /* gone */ } } };
    signal('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (isAlive(pid)) signal('SIGKILL');
  }
  fs.rmSync(pidFile, { force: true });
  return Boolean(pid);
}

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command to completion without blocking the other servers' start; throws with its output on failure. */
function runChecked(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolve(output);
      const lastLines = output.trim().split('\n').slice(-40).join('\n');
      reject(new Error(`${command} ${args.join(' ')} failed (exit ${code})\n${lastLines}`));
    });
  });
}

module.exports = { runningPid, portOpen, startDetached, waitUntil, stopPid, commandExists, runChecked, tail };
