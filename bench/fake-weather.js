// The fake Open-Meteo as its own process: in the bench's process it would share an event loop with
// the load generator and the instruments.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ROOT } = require('./options');

async function startFakeWeather(port) {
  const child = spawn(process.execPath, [path.join(ROOT, 'tools', 'fake-open-meteo', 'server.js'), '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  while (!(await fetch(`${url}/__fake/requests`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null) throw new Error(`fake Open-Meteo exited with ${child.exitCode} (port ${port} taken?)`);
    if (Date.now() > deadline) throw new Error(`fake Open-Meteo did not answer on ${url} within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { url, pid: child.pid, stop };
}

module.exports = { startFakeWeather };
