// The process environment the services run with wherever this repository starts them (`npm start`,
// `npm run bench`, the e2e tests): each service's measured V8 heap cap (`nodeOptions` in
// services/<name>/package.json) and glibc's arena limit. Helm and docker-compose set the same
// NODE_OPTIONS per service, and the Dockerfile the same MALLOC_ARENA_MAX;
// tests/integration/node-options.spec.ts keeps them in step.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
/**
 * glibc gives each thread that allocates an arena of its own (up to 8 per core), and freed memory
 * in one is not reused by another: the enricher's extraction worker and libuv's threads held
 * ~7–22 MB more per service in the bench without this (bench/README.md, "Memory").
 */
const MALLOC_ARENA_MAX = '2';

function defaultNodeOptions(service) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'services', service, 'package.json'), 'utf8'));
  return manifest.nodeOptions ?? '';
}

/** The service's defaults first, then the caller's NODE_OPTIONS: for V8 flags the last one given wins. */
function nodeOptionsFor(service, env = process.env) {
  return [defaultNodeOptions(service), env.NODE_OPTIONS ?? ''].filter(Boolean).join(' ');
}

/** Variables to add to a service's environment; the caller's own MALLOC_ARENA_MAX is kept. */
function runtimeEnv(service, env = process.env) {
  return { NODE_OPTIONS: nodeOptionsFor(service, env), MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? MALLOC_ARENA_MAX };
}

module.exports = { defaultNodeOptions, nodeOptionsFor, runtimeEnv, MALLOC_ARENA_MAX };
