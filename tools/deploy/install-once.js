// Tools installed on first use into the shared cache dir (NEWSFLOW_CACHE_DIR, default
// ~/.cache/newsflow) and reused afterwards. A marker written last tells a finished install from one
// that was interrupted; a lock keeps two runs from installing into the same place at once.
const fs = require('node:fs');
const path = require('node:path');
const { withLock } = require('../infra/lock');

async function installOnce(home, install, log) {
  const marker = path.join(home, '.installed');
  if (fs.existsSync(marker)) return;
  fs.mkdirSync(path.dirname(home), { recursive: true });
  await withLock(`${home}.lock`, async () => {
    if (fs.existsSync(marker)) return; // another run finished it while this one waited
    fs.rmSync(home, { recursive: true, force: true });
    fs.mkdirSync(home, { recursive: true });
    const started = Date.now();
    await install(home);
    fs.writeFileSync(marker, new Date().toISOString());
    log(`installed into ${home} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }, { log, waitMs: 30 * 60_000 });
}

module.exports = { installOnce };
