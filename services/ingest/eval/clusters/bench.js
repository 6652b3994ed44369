/**
 * Per-article cost of clustering without Redis: clusterFor over the annotated set, repeated, with the
 * in-memory band store (so it measures the hashing, banding and checks, not the Redis round trips).
 *   node services/ingest/eval/clusters/bench.js [story-clusters dist dir]
 */
const { join } = require('node:path');
const { loadPart, asArticle } = require('./score');
const { InMemoryBandStore } = require('./in-memory-band-store');

const dist = process.argv[2] ?? join(__dirname, '..', '..', 'dist', 'articles', 'story-clusters');
const { StoryClusterFinder } = require(join(dist, 'story-cluster.finder'));
const ROUNDS = 200;

async function main() {
  const articles = loadPart('all').map(asArticle);
  let total = 0n;
  for (let round = -20; round < ROUNDS; round++) {
    const store = new InMemoryBandStore();
    const finder = new StoryClusterFinder(store);
    const started = process.hrtime.bigint();
    for (const article of articles) {
      store.now = Date.parse(article.publishedAt);
      await finder.clusterFor({ ...article, id: `${article.id}-${round}` });
    }
    if (round >= 0) total += process.hrtime.bigint() - started;
  }
  console.log(`${(Number(total) / 1000 / ROUNDS / articles.length).toFixed(1)} µs per article (${articles.length} articles × ${ROUNDS} rounds)`);
}

main();
