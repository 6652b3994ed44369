// Files shipped inside Go modules (KEDA's CRDs, the Compose specification's JSON Schema), fetched
// through the Go module proxy, one of the registries CI can reach. The module cache keeps them, so
// only the first run downloads.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** The directory of `module@version` in the Go module cache, downloading it when missing. */
function goModuleDir(module, version) {
  let output;
  try {
    output = execFileSync('go', ['mod', 'download', '-json', `${module}@${version}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      // GOFLAGS from the environment (e.g. -mod=vendor) must not leak into a download outside any module.
      env: { ...process.env, GOFLAGS: '', GOWORK: 'off' },
      timeout: 600_000,
    });
  } catch (error) {
    const detail = error.code === 'ENOENT' ? 'go is not on the PATH (go.dev/dl)' : `${error.stderr || ''}${error.stdout || ''}`.trim();
    throw new Error(`could not download Go module ${module}@${version}: ${detail}`);
  }
  const { Dir, Error: failure } = JSON.parse(output);
  if (failure || !Dir) throw new Error(`could not download Go module ${module}@${version}: ${failure || 'no directory reported'}`);
  return Dir;
}

/** One file of a Go module, by its path inside the module. */
function goModuleFile(module, version, file) {
  const full = path.join(goModuleDir(module, version), file);
  if (!fs.existsSync(full)) throw new Error(`${module}@${version} has no ${file}`);
  return full;
}

module.exports = { goModuleDir, goModuleFile };
