// Validates a stream of rendered manifests: Kubernetes kinds with kubernetes-validate, custom
// resources against their CRD schemas. Anything neither knows is an error, never silently passed.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseAllDocuments, stringify } = require('yaml');
const { kubernetesValidate } = require('./kubernetes-validate');

function describe(doc) {
  return `${doc?.kind ?? '(no kind)'}/${doc?.metadata?.name ?? '(no name)'}`;
}

/**
 * Resolves with a list of problems (empty when every manifest is valid). `crds` maps
 * `apiVersion/kind` to an ajv validate function (tools/deploy/crd-schemas.js).
 */
async function validateManifests(text, { kubernetesValidateBinary, kubeVersion, crds }) {
  const problems = [];
  const core = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      problems.push(...document.errors.map((e) => `YAML: ${e.message}`));
      continue;
    }
    const doc = document.toJSON();
    if (doc === null || doc === undefined) continue;
    if (typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') {
      problems.push(`${describe(doc)}: apiVersion and kind are required`);
      continue;
    }
    const validate = crds.get(`${doc.apiVersion}/${doc.kind}`);
    if (validate) {
      if (!validate(doc)) problems.push(...validate.errors.map((e) => `${describe(doc)} (${doc.apiVersion}): ${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : ''}`));
    } else {
      core.push(stringify(doc));
    }
  }
  if (core.length > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsflow-manifests-'));
    try {
      const file = path.join(dir, 'manifests.yaml');
      fs.writeFileSync(file, core.join('---\n'));
      problems.push(...(await kubernetesValidate(kubernetesValidateBinary, file, kubeVersion)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return problems;
}

module.exports = { validateManifests };
