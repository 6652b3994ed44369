// Makes sure Debian's chromium is at /usr/bin/chromium for the browser tests (playwright-core drives
// it; no browser is downloaded from elsewhere). On a fresh CI machine running as root it installs the
// `chromium` package with apt; otherwise it stops with what to do. Usable as a module or a script.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw new Error(`${command} ${args.join(' ')} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** Returns the path of a usable chromium, installing it first when that is possible. */
function ensureChromium({ log = (line) => console.error(line) } = {}) {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    throw new Error(
      `${CHROMIUM} is missing and cannot be installed here (${!hasApt ? 'no apt-get: not Debian/Ubuntu' : 'not running as root'}). ` +
        'Install it with: sudo apt-get install -y --no-install-recommends chromium',
    );
  }
  log(`[ensure-chromium] ${CHROMIUM} is missing; installing Debian's chromium package (apt-get)…`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
  log(`[ensure-chromium] installed ${CHROMIUM}`);
  return CHROMIUM;
}

module.exports = { ensureChromium, CHROMIUM };

if (require.main === module) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(`[ensure-chromium] ${error.message}`);
    process.exit(1);
  }
}
