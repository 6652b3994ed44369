// kubernetes-validate (PyPI) checks manifests against the JSON Schemas of the Kubernetes API, which
// it ships, so validation needs no network once installed. It lives in a venv in the cache dir.
const path = require('node:path');
const { spawn } = require('node:child_process');
const { commandExists, runChecked } = require('../infra/process-utils');
const { installOnce } = require('./install-once');

const KUBERNETES_VALIDATE_VERSION = '1.37.0';

async function ensureKubernetesValidate(cacheDir, log = () => {}) {
  const home = path.join(cacheDir, `kubernetes-validate-${KUBERNETES_VALIDATE_VERSION}`);
  await installOnce(home, async () => {
    if (!commandExists('python3')) throw new Error('python3 is needed for kubernetes-validate (apt-get install python3 python3-venv)');
    log(`installing kubernetes-validate ${KUBERNETES_VALIDATE_VERSION} from PyPI into a venv (first run only)`);
    await runChecked('python3', ['-m', 'venv', home]).catch((error) => {
      throw new Error(`python3 -m venv failed; on Debian/Ubuntu: apt-get install python3-venv\n${error.message}`);
    });
    await runChecked(path.join(home, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `kubernetes-validate==${KUBERNETES_VALIDATE_VERSION}`]);
  }, log);
  return path.join(home, 'bin', 'kubernetes-validate');
}

/**
 * Validates the manifests in `file` strictly (unknown fields are errors). Resolves with one message
 * per problem: schema violations, and kinds it has no schema for (it only warns about those).
 */
function kubernetesValidate(binary, file, kubeVersion) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--kubernetes-version', kubeVersion, '--strict', '--quiet', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const problems = output.split('\n').filter((line) => /^(ERROR|WARN) /.test(line)).map((line) => line.replace(`${file} `, ''));
      if (code !== 0 && problems.length === 0) return reject(new Error(`kubernetes-validate failed (exit ${code}):\n${output.trim()}`));
      resolve(problems);
    });
  });
}

module.exports = { ensureKubernetesValidate, kubernetesValidate, KUBERNETES_VALIDATE_VERSION };
