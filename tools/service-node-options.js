// Each service's measured V8 heap settings (`nodeOptions` in services/<name>/package.json), given to
// the processes this repository starts (`npm start`, `npm run bench`). Helm and docker-compose set
// the same NODE_OPTIONS per service; tests/integration/node-options.spec.ts keeps them in step.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

function defaultNodeOptions(service) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'services', service, 'package.json'), 'utf8'));
  return manifest.nodeOptions ?? '';
}

/** The service's defaults first, then the caller's NODE_OPTIONS: for V8 flags the last one given wins. */
function nodeOptionsFor(service, env = process.env) {
  return [defaultNodeOptions(service), env.NODE_OPTIONS ?? ''].filter(Boolean).join(' ');
}

module.exports = { defaultNodeOptions, nodeOptionsFor };
