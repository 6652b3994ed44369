// The process environment the services run with wherever this repository starts them (`npm start`,
// `npm run bench`, the e2e tests): each service's measured V8 heap cap (`nodeOptions` in
// services/<name>/package.json) and glibc malloc's settings. Helm and docker-compose set the same
// NODE_OPTIONS per service, and the Dockerfile the same MALLOC_ variables;
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
/**
 * A fixed mmap threshold: glibc otherwise raises it (up to 32 MB) each time a large block is freed,
 * after which the driver's multi-megabyte read buffers come from the heap and stay in the RSS once
 * freed. The indexer loading 26,000 articles peaked 40 MB lower with it, and held 30 MB less after.
 */
const MALLOC_MMAP_THRESHOLD = '131072';
const MALLOC_ENV = { MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_: MALLOC_MMAP_THRESHOLD };

function defaultNodeOptions(service) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'services', service, 'package.json'), 'utf8'));
  return manifest.nodeOptions ?? '';
}

/** The service's defaults first, then the caller's NODE_OPTIONS: for V8 flags the last one given wins. */
function nodeOptionsFor(service, env = process.env) {
  return [defaultNodeOptions(service), env.NODE_OPTIONS ?? ''].filter(Boolean).join(' ');
}

/** Variables to add to a service's environment; the caller's own MALLOC_ variables are kept. */
function runtimeEnv(service, env = process.env) {
  const malloc = Object.fromEntries(Object.entries(MALLOC_ENV).map(([name, value]) => [name, env[name] ?? value]));
  return { NODE_OPTIONS: nodeOptionsFor(service, env), ...malloc };
}

module.exports = { defaultNodeOptions, nodeOptionsFor, runtimeEnv, MALLOC_ENV };
