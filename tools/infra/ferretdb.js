// FerretDB 1.24 (MongoDB wire protocol) on its SQLite backend, built once from the Go module.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { commandExists, runChecked, startDetached, waitUntil } = require('./process-utils');
const { mongoPing } = require('./probes');

const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
const GO_NEEDED = 'FerretDB 1.24 needs Go 1.24+ (go.dev/dl; Debian\'s golang-go may be older)';

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

/** Its go.mod asks for go 1.24; go1.21+ can fetch that toolchain itself unless GOTOOLCHAIN=local. */
function goTooOld() {
  const [version = '', toolchain = ''] = (spawnSync('go', ['env', 'GOVERSION', 'GOTOOLCHAIN'], { encoding: 'utf8' }).stdout || '').split('\n');
  const [, major, minor] = /go(\d+)\.(\d+)/.exec(version) || [];
  const at = (m) => Number(major) > 1 || Number(minor) >= m;
  if (major && (at(24) || (at(21) && toolchain.trim() !== 'local'))) return undefined;
  return `${version.trim() || 'of unknown version'}${toolchain.trim() === 'local' ? ' with GOTOOLCHAIN=local' : ''}`;
}

function preflight(s) {
  // Bad settings stop `up` before any server starts.
  sqliteSynchronous();
  debugAddress();
  if (fs.existsSync(layout(s).binary)) return [];
  if (!commandExists('go')) return [`go, to build FerretDB once: ${GO_NEEDED}`];
  const old = goTooOld();
  return old ? [`go is ${old}: ${GO_NEEDED}`] : [];
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
 * `go install MODULE/cmd/ferretdb@version` builds a binary that panics at start ("Invalid
 * build/version/version.txt"): that file is generated in FerretDB's own build and not in the module
 * zip. So the module is copied out of the module cache, given the file, and installed from the copy.
 */
async function install(s, log) {
  const l = layout(s);
  if (fs.existsSync(l.binary)) return;
  log(`building FerretDB ${FERRETDB_VERSION} with Go into ${path.dirname(l.binary)} (first run only, a few minutes)`);
  const download = await downloadModule();
  fs.rmSync(l.src, { recursive: true, force: true });
  fs.cpSync(download.Dir, l.src, { recursive: true });
  await runChecked('chmod', ['-R', 'u+w', l.src]);
  fs.writeFileSync(path.join(l.src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  // GOWORK=off: a go.work above the cache dir must not pull the copy into someone's workspace.
  const env = { GOBIN: path.dirname(l.binary), GOFLAGS: '-mod=mod -buildvcs=false', GOWORK: 'off', CGO_ENABLED: '0' };
  await runChecked('go', ['install', '-trimpath', './cmd/ferretdb'], { cwd: l.src, env });
  fs.rmSync(l.src, { recursive: true, force: true });
}

/**
 * SQLite's commit mode under FerretDB's write-ahead log. FULL (SQLite's default) fsyncs the log on
 * every commit: 9 % of FerretDB's CPU under the bench's load, and a disk flush inside every insert's
 * round trip. NORMAL syncs at checkpoints: a commit survives FerretDB crashing, not the machine
 * losing power, which is what a standalone MongoDB acknowledges by default too (w:1 without j, the
 * journal flushed every 100 ms). FERRETDB_SQLITE_SYNCHRONOUS=full restores per-commit syncs.
 */
function sqliteSynchronous() {
  const mode = (process.env.FERRETDB_SQLITE_SYNCHRONOUS || 'normal').toLowerCase();
  if (!['off', 'normal', 'full', 'extra'].includes(mode)) {
    throw new Error(`FERRETDB_SQLITE_SYNCHRONOUS must be off, normal, full or extra, got "${process.env.FERRETDB_SQLITE_SYNCHRONOUS}"`);
  }
  return mode;
}

/** host:port for FerretDB's debug HTTP listener, or '-' for none (the default). */
function debugAddress() {
  const address = process.env.FERRETDB_DEBUG_ADDR;
  if (!address) return '-';
  if (!/^[\w.-]+:\d{1,5}$/.test(address)) throw new Error(`FERRETDB_DEBUG_ADDR must be host:port, got "${address}"`);
  return address;
}

async function start(s) {
  const l = layout(s);
  fs.mkdirSync(l.data, { recursive: true });
  const pid = startDetached({
    command: l.binary,
    args: [
      '--handler=sqlite',
      `--sqlite-url=file:${l.data}/?_pragma=synchronous(${sqliteSynchronous()})`,
      `--listen-addr=127.0.0.1:${s.mongoPort}`,
      `--state-dir=${l.dir}`,
      // No calls home (only package registries are reachable here). The debug listener (Prometheus
      // metrics at /debug/metrics: requests per command, cursors) only where FERRETDB_DEBUG_ADDR asks.
      '--telemetry=disable',
      `--debug-addr=${debugAddress()}`,
      // INFO logs every connection opened and closed.
      '--log-level=WARN',
    ],
    cwd: l.dir,
    // Go's collector at its default (GOGC=100) took a quarter of FerretDB's CPU turning documents into
    // SQLite's JSON: 400 cut FerretDB's CPU per stored article from 1.58 to 1.16 ms (`npm run
    // bench:storage`), with a soft memory limit so a large batch still collects in time. Either can
    // be set in the environment instead.
    env: { GOGC: process.env.GOGC || '400', GOMEMLIMIT: process.env.GOMEMLIMIT || '512MiB' },
    logFile: l.logFile,
    pidFile: l.pidFile,
  });
  await waitUntil(() => mongoPing(s.mongoPort), { timeoutMs: 60_000, what: `FerretDB on 127.0.0.1:${s.mongoPort}`, pid, logFiles: [l.logFile] });
}

module.exports = {
  name: 'ferretdb',
  envVar: 'MONGODB_URI',
  version: FERRETDB_VERSION,
  ports: (s) => [s.mongoPort],
  url: (s) => `mongodb://127.0.0.1:${s.mongoPort}/newsflow`,
  pidFile: (s) => layout(s).pidFile,
  marker: (s) => layout(s).data,
  logFile: (s) => layout(s).logFile,
  healthy: (s) => mongoPing(s.mongoPort),
  preflight,
  install,
  start,
};
