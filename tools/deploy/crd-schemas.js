// Validators for custom resources, from the CRDs their projects publish. KEDA's CRDs come from its
// Go module (config/crd/bases), fetched through the Go proxy like everything else here.
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const { parse } = require('yaml');
const { goModuleDir } = require('./go-module');

const KEDA = { module: 'github.com/kedacore/keda/v2', version: 'v2.21.0', crdDir: 'config/crd/bases' };

/**
 * An OpenAPI v3 structural schema (as in a CRD) as JSON Schema. The API server drops unknown fields
 * silently, but `kubectl apply --validate=strict` (and server-side field validation) rejects them,
 * so objects that list their properties get `additionalProperties: false` unless the CRD says it
 * keeps unknown fields.
 */
function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable') continue;
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
    } else {
      out[key] = typeof value === 'object' ? toJsonSchema(value) : value;
    }
  }
  if (node['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (node.nullable && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (out.properties && out.additionalProperties === undefined && !node['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

function crdFiles() {
  const dir = path.join(goModuleDir(KEDA.module, KEDA.version), KEDA.crdDir);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, f));
}

/** `apiVersion/kind` → ajv validate function, for every version of every CRD given (KEDA's by default). */
function crdValidators(files = crdFiles()) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map();
  for (const file of files) {
    const crd = parse(fs.readFileSync(file, 'utf8'));
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    for (const version of crd.spec.versions) {
      const schema = version.schema?.openAPIV3Schema;
      if (!schema) throw new Error(`${file}: version ${version.name} has no openAPIV3Schema`);
      validators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(toJsonSchema(schema)));
    }
  }
  return validators;
}

module.exports = { crdValidators, toJsonSchema, KEDA };
