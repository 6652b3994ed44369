/**
 * Redis bytes per article of story clustering: the annotated set (repeated rounds share their band keys,
 * so one round is the honest figure) through the built StoryClusterFinder and StoryBandRepository into a Redis of your own (never a shared one),
 * in a namespace of its own; sums MEMORY USAGE over the keys it wrote, then deletes them.
 *   NEWSFLOW_REDIS_PORT=36079 node services/ingest/eval/clusters/redis-bytes.js [rounds]
 */
const { join } = require('node:path');
const Redis = require('ioredis');
const { loadPart, asArticle } = require('./score');

const dist = join(__dirname, '..', '..', 'dist', 'articles', 'story-clusters');
const { StoryClusterFinder } = require(join(dist, 'story-cluster.finder'));
const { StoryBandRepository } = require(join(dist, 'story-band.repository'));

async function main() {
  const port = Number(process.env.NEWSFLOW_REDIS_PORT);
  if (!port) throw new Error('set NEWSFLOW_REDIS_PORT to a Redis of your own');
  const rounds = Number(process.argv[2] ?? 1);
  const redis = new Redis({ port, lazyConnect: true });
  await redis.connect();
  const namespace = `bytes-${process.pid}`;
  const finder = new StoryClusterFinder(new StoryBandRepository(redis, namespace));
  const articles = loadPart('all').map(asArticle);
  for (let round = 0; round < rounds; round++) for (const article of articles) await finder.clusterFor({ ...article, id: `${article.id}-${round}` });
  let bytes = 0, keys = 0;
  for await (const batch of redis.scanStream({ match: `newsflow:*${namespace}:*`, count: 1000 })) {
    for (const key of batch) {
      bytes += await redis.memory('USAGE', key);
      keys++;
    }
    if (batch.length) await redis.del(...batch);
  }
  const count = rounds * articles.length;
  console.log(`${(bytes / count).toFixed(0)} bytes and ${(keys / count).toFixed(1)} keys per article (${count} articles, MEMORY USAGE summed)`);
  redis.disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
