/**
 * Scores ingest's story clustering (the built code in services/ingest/dist) on the annotated set:
 *   npx nx run ingest:build --output-style=static && node services/ingest/eval/clusters/run.js [--out results.md]
 * Prints pairwise precision / recall / F1 for the tuning part, the holdout part and both, and the
 * worst false merges and misses; writes the same as Markdown (default: results.md beside this file).
 */
const { writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { evaluate } = require('./score');

const dist = join(__dirname, '..', '..', 'dist', 'articles', 'story-clusters');
const { StoryClusterFinder } = require(join(dist, 'story-cluster.finder'));
const { minhash, estimatedJaccard } = require(join(dist, 'minhash'));

const WORST = 8;
const similarity = (a, b) => estimatedJaccard(minhash(`${a.headline}\n${a.body}`), minhash(`${b.headline}\n${b.body}`));
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const pair = ([a, b]) => `${a.id} (${a.story}) ~ ${b.id} (${b.story}): raw estimated Jaccard ${similarity(a, b).toFixed(2)}`;

function report(results) {
  const lines = ['| part | articles | stories | same-story pairs | clustered pairs | precision | recall | F1 | µs/article |', '|---|---|---|---|---|---|---|---|---|'];
  for (const r of results) {
    lines.push(`| ${r.part} | ${r.articles} | ${r.stories} | ${r.truePairs} | ${r.predictedPairs} | ${pct(r.precision)} | ${pct(r.recall)} | ${r.f1.toFixed(3)} | ${r.microsPerArticle.toFixed(0)} |`);
  }
  const all = results.find((r) => r.part === 'all');
  const worst = (pairs, order) => pairs.map((p) => ({ p, s: similarity(...p) })).sort((x, y) => order * (y.s - x.s)).slice(0, WORST).map(({ p }) => `- ${pair(p)}`);
  lines.push('', `False merges (${all.falseMerges.length} pairs; most similar first):`, ...worst(all.falseMerges, 1));
  lines.push('', `Misses (${all.misses.length} pairs; least similar first):`, ...worst(all.misses, -1));
  return lines.join('\n');
}

async function main() {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(__dirname, 'results.md');
  const makeFinder = (store) => new StoryClusterFinder(store);
  const results = [];
  for (const part of ['tuning', 'holdout', 'all']) results.push(await evaluate(makeFinder, part));
  const text = report(results);
  console.log(text);
  writeFileSync(out, `# Story clustering on the annotated set\n\nWritten by run.js (${new Date().toISOString().slice(0, 10)}).\n\n${text}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
