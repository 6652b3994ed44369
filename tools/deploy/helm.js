// Helm 3, built from its Go module with `go install` (the Go proxy is reachable where GitHub release
// downloads are not). Cold, the build takes a few minutes; afterwards the binary is reused.
const path = require('node:path');
const { commandExists, runChecked } = require('../infra/process-utils');
const { installOnce } = require('./install-once');

const HELM_VERSION = 'v3.22.0';
const HELM_PACKAGE = 'helm.sh/helm/v3/cmd/helm';

async function ensureHelm(cacheDir, log = () => {}) {
  const home = path.join(cacheDir, `helm-${HELM_VERSION}`);
  await installOnce(home, async () => {
    if (!commandExists('go')) throw new Error('go is needed once to build helm (go.dev/dl, Go 1.24+)');
    log(`building helm ${HELM_VERSION} with go install (first run only, a few minutes)`);
    await runChecked('go', ['install', '-trimpath', `${HELM_PACKAGE}@${HELM_VERSION}`], {
      cwd: home, // outside any module or workspace
      env: { GOBIN: path.join(home, 'bin'), GOWORK: 'off', GOFLAGS: '-buildvcs=false', CGO_ENABLED: '0' },
    });
  }, log);
  return path.join(home, 'bin', 'helm');
}

/** Renders the chart; `kubeVersion` matters because a binary built with go install reports Kubernetes 1.20 by default. */
function helmTemplate(helm, chartDir, { valuesFiles = [], kubeVersion, release = 'newsflow' }) {
  const args = ['template', release, chartDir, '--kube-version', kubeVersion, ...valuesFiles.flatMap((f) => ['--values', f])];
  return runChecked(helm, args);
}

function helmLint(helm, chartDir, { valuesFiles = [], kubeVersion }) {
  return runChecked(helm, ['lint', '--strict', chartDir, '--kube-version', kubeVersion, ...valuesFiles.flatMap((f) => ['--values', f])]);
}

module.exports = { ensureHelm, helmTemplate, helmLint, HELM_VERSION };
