// One `up` at a time per state dir: `npm start` and `npm test` run side by side would otherwise
// both see a free port and start a second Kafka on the same data directory.
const fs = require('node:fs');
const { isAlive, readPid, sleep } = require('./process-utils');

async function withLock(file, fn, { waitMs = 15 * 60_000, log = () => {} } = {}) {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = readPid(file);
      if (!holder || !isAlive(holder)) {
        fs.rmSync(file, { force: true }); // left by an `up` that was killed
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another "infra up" (pid ${holder}) still holds ${file}`);
      if (!told) log(`waiting for another "infra up" (pid ${holder}) to finish`);
      told = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

module.exports = { withLock };
