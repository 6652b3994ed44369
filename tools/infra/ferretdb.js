// FerretDB 1.24 (MongoDB wire protocol) with its SQLite backend, built from the Go module.
const fs = require('node:fs');
const path = require('node:path');
const { commandExists, portOpen, runChecked, startDetached, waitUntil } = require('./process-utils');

const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';

function layout(s) {
  const home = path.join(s.cacheDir, `ferretdb-${FERRETDB_VERSION}`);
  const dir = path.join(s.stateDir, 'ferretdb');
  return {
    home,
    src: path.join(home, 'src'),
    binary: path.join(home, 'bin', 'ferretdb'),
    dir,
    data: path.join(dir, 'data'),
    logFile: path.join(dir, 'ferretdb.log'),
    pidFile: path.join(dir, 'ferretdb.pid'),
  };
}

function preflight() {
  return [];
}

async function downloadModule() {
  const output = await runChecked('go', ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`]);
  try {
    return JSON.parse(output.slice(output.indexOf('{')));
  } catch {
    throw new Error(`go mod download ${MODULE}@${FERRETDB_VERSION} printed no module description:\n${output}`);
  }
}

/**
 * `go install MODULE/cmd/ferretdb@version` builds a binary that panics at start: the module zip lacks
 * the generated build/version/version.txt. So the module is fetched through the Go module proxy,
 * copied, given that file, and `go install`ed from the copy.
 */
async function install(s) {
  const l = layout(s);
  if (fs.existsSync(l.binary)) return;
  if (!commandExists('go')) {
    throw new Error('FerretDB is built from source once and needs Go 1.22+ (https://go.dev/dl, or a golang package of that version)');
  }
  const download = await downloadModule();
  fs.rmSync(l.src, { recursive: true, force: true });
  fs.cpSync(download.Dir, l.src, { recursive: true });
  await runChecked('chmod', ['-R', 'u+w', l.src]);
  fs.writeFileSync(path.join(l.src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  await runChecked('go', ['install', './cmd/ferretdb'], { cwd: l.src, env: { GOBIN: path.dirname(l.binary), GOFLAGS: '-mod=mod' } });
  fs.rmSync(l.src, { recursive: true, force: true });
}

async function start(s) {
  const l = layout(s);
  fs.mkdirSync(l.data, { recursive: true });
  fs.rmSync(l.logFile, { force: true });
  const pid = startDetached({
    command: l.binary,
    args: [
      '--handler=sqlite',
      `--sqlite-url=file:${l.data}/`,
      `--listen-addr=127.0.0.1:${s.mongoPort}`,
      `--state-dir=${l.dir}`,
      // No outbound calls (this machine has no network beyond package registries) and no extra listener.
      '--telemetry=disable',
      '--debug-addr=',
      '--log-level=WARN',
    ],
    cwd: l.dir,
    logFile: l.logFile,
    pidFile: l.pidFile,
  });
  await waitUntil(() => portOpen(s.mongoPort), { timeoutMs: 60_000, what: `FerretDB on 127.0.0.1:${s.mongoPort}`, pid, logFile: l.logFile });
}

module.exports = {
  name: 'ferretdb',
  envVar: 'MONGODB_URI',
  version: FERRETDB_VERSION,
  ports: (s) => [s.mongoPort],
  url: (s) => `mongodb://127.0.0.1:${s.mongoPort}/newsflow`,
  pidFile: (s) => layout(s).pidFile,
  logFile: (s) => layout(s).logFile,
  healthy: (s) => portOpen(s.mongoPort),
  preflight,
  install,
  start,
};
