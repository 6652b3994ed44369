// `npm run deploy:validate`: lints and renders the Helm chart (default values and every values file
// in the chart's ci/ directory) and validates what it renders against the Kubernetes API schemas
// (kubernetes-validate) and KEDA's CRD schema. `--manifests <file>` validates an already rendered
// file instead. Tools install on first use into NEWSFLOW_CACHE_DIR (default ~/.cache/newsflow).
const fs = require('node:fs');
const path = require('node:path');
const { settings } = require('../tools/infra/paths');
const { ensureHelm, helmLint, helmTemplate } = require('../tools/deploy/helm');
const { ensureKubernetesValidate } = require('../tools/deploy/kubernetes-validate');
const { crdValidators } = require('../tools/deploy/crd-schemas');
const { validateManifests } = require('../tools/deploy/validate-manifests');

const CHART = path.join(__dirname, '..', 'deploy', 'helm', 'newsflow');
/** The oldest Kubernetes the chart supports in practice; kubernetes-validate ships its schemas. */
const KUBE_VERSION = '1.30.0';

/** Default values first, then one render per ci/*.yaml values file. */
function renderings() {
  const ciDir = path.join(CHART, 'ci');
  const files = fs.existsSync(ciDir) ? fs.readdirSync(ciDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  return [{ name: 'default values', valuesFiles: [] }, ...files.map((f) => ({ name: `ci/${f}`, valuesFiles: [path.join(ciDir, f)] }))];
}

async function tools(log) {
  const { cacheDir } = settings();
  const [helm, kubernetesValidateBinary] = await Promise.all([ensureHelm(cacheDir, log), ensureKubernetesValidate(cacheDir, log)]);
  return { helm, kubernetesValidateBinary, crds: crdValidators() };
}

/** Resolves with { name, problems } per rendering (or for the given manifests file). */
async function validateDeploy({ manifests, log = () => {} } = {}) {
  const { helm, kubernetesValidateBinary, crds } = await tools(log);
  const check = (text) => validateManifests(text, { kubernetesValidateBinary, kubeVersion: KUBE_VERSION, crds });
  if (manifests) return [{ name: manifests, problems: await check(fs.readFileSync(manifests, 'utf8')) }];
  const results = [];
  for (const { name, valuesFiles } of renderings()) {
    await helmLint(helm, CHART, { valuesFiles, kubeVersion: KUBE_VERSION });
    results.push({ name, problems: await check(await helmTemplate(helm, CHART, { valuesFiles, kubeVersion: KUBE_VERSION })) });
  }
  return results;
}

async function main(argv) {
  const at = argv.indexOf('--manifests');
  const manifests = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !manifests) throw new Error('--manifests needs a file');
  const results = await validateDeploy({ manifests, log: (line) => console.log(`[deploy] ${line}`) });
  for (const { name, problems } of results) {
    console.log(`[deploy] ${name}: ${problems.length === 0 ? 'valid' : `${problems.length} problem(s)`}`);
    for (const problem of problems) console.log(`  - ${problem}`);
  }
  if (results.some((r) => r.problems.length > 0)) process.exitCode = 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`[deploy] ${error.message}`);
    process.exit(1);
  });
}

module.exports = { validateDeploy, renderings, tools, CHART, KUBE_VERSION };
