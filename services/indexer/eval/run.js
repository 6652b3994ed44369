// Relevance of the in-memory search on the fixture corpus (eval/fixtures/, written by
// generate-corpus.js): P@10 and reciprocal rank per judged query, then the means. Exits 1 when mean
// P@10 is below EVAL_MIN_PRECISION (default 0.8). Needs the build: npx nx run indexer:build
// Usage: node services/indexer/eval/run.js [--verbose]   (--verbose: list the misses in each top 10)
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist', 'evaluation');
const { loadRelevanceFixture } = require(path.join(dist, 'relevance-fixture.js'));
const { evaluateRelevance, CUTOFF } = require(path.join(dist, 'evaluate-relevance.js'));

const MIN_PRECISION = Number(process.env.EVAL_MIN_PRECISION ?? 0.8);

function main() {
  const verbose = process.argv.includes('--verbose');
  const fixture = loadRelevanceFixture();
  const started = process.hrtime.bigint();
  const report = evaluateRelevance(fixture);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const judged = new Map(fixture.queries.map((q) => [q.id, new Set(q.relevant)]));
  const labels = new Map(fixture.payloads.map((p) => [p.article.id, p.article.headline]));

  console.log(`${report.articles} articles, ${report.queries.length} judged queries (indexed and searched in ${ms.toFixed(0)} ms)\n`);
  console.log(`| query | parameters | P@${CUTOFF} | RR | hits | relevant |`);
  console.log('|---|---|---|---|---|---|');
  for (const q of report.queries) {
    const params = new URLSearchParams(q.params).toString();
    console.log(`| ${q.id} | \`${params}\` | ${q.precision.toFixed(2)} | ${q.reciprocalRank.toFixed(2)} | ${q.total} | ${q.relevant} |`);
    if (verbose) {
      q.top.forEach((id, rank) => { if (!judged.get(q.id).has(id)) console.log(`|   miss at ${rank + 1}: ${id} "${labels.get(id)}" | | | | | |`); });
    }
  }
  console.log(`\nmean P@${CUTOFF} ${report.meanPrecision.toFixed(3)}, MRR ${report.mrr.toFixed(3)} (target mean P@${CUTOFF} ≥ ${MIN_PRECISION})`);
  if (report.meanPrecision < MIN_PRECISION) {
    console.error(`mean P@${CUTOFF} ${report.meanPrecision.toFixed(3)} is below ${MIN_PRECISION}`);
    process.exitCode = 1;
  }
}

main();
