/**
 * The clustering evaluation: assigns clusters to the annotated articles the way ingest does (each
 * article through StoryClusterFinder.clusterFor, in publishedAt order, bands in an in-memory store)
 * and scores the clusters against the annotated stories pair by pair.
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { InMemoryBandStore } = require('./in-memory-band-store');

const ARTICLES = join(__dirname, 'articles');
/** Families (one file each) of the tuning and holdout parts, fixed before any tuning. */
const SPLIT = JSON.parse(readFileSync(join(__dirname, 'split.json'), 'utf8'));

/** The articles of the named part ('tuning', 'holdout' or 'all'), oldest first. */
function loadPart(part) {
  const families = part === 'all' ? readdirSync(ARTICLES).map((f) => f.replace(/\.json$/, '')) : SPLIT[part];
  const articles = families.flatMap((family) => JSON.parse(readFileSync(join(ARTICLES, `${family}.json`), 'utf8')).map((a) => ({ ...a, family })));
  return articles.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
}

/** The article as ingest hands it to the finder. */
function asArticle(a) {
  return { id: a.id, version: 1, source: { id: a.source }, sourceItemId: a.id, headline: a.headline, summary: a.summary, body: a.body, language: a.language, publishedAt: a.publishedAt };
}

/** Cluster ids by article id, from `makeFinder(store)` run over the articles in order. */
async function assignClusters(makeFinder, articles) {
  const store = new InMemoryBandStore();
  const finder = makeFinder(store);
  const clusters = new Map();
  const started = process.hrtime.bigint();
  for (const a of articles) {
    store.now = Date.parse(a.publishedAt);
    clusters.set(a.id, await finder.clusterFor(asArticle(a)));
  }
  return { clusters, microsPerArticle: Number(process.hrtime.bigint() - started) / 1000 / articles.length };
}

/** Pairwise precision, recall and F1 of the clusters against the stories, with the wrong pairs. */
function scorePairs(articles, clusters) {
  let truePairs = 0, predictedPairs = 0, bothPairs = 0;
  const falseMerges = [], misses = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const [a, b] = [articles[i], articles[j]];
      const sameStory = a.story === b.story;
      const sameCluster = clusters.get(a.id) === clusters.get(b.id);
      if (sameStory) truePairs++;
      if (sameCluster) predictedPairs++;
      if (sameStory && sameCluster) bothPairs++;
      else if (sameCluster) falseMerges.push([a, b]);
      else if (sameStory) misses.push([a, b]);
    }
  }
  const precision = predictedPairs ? bothPairs / predictedPairs : 1;
  const recall = truePairs ? bothPairs / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePairs, predictedPairs, bothPairs, falseMerges, misses };
}

async function evaluate(makeFinder, part) {
  const articles = loadPart(part);
  const { clusters, microsPerArticle } = await assignClusters(makeFinder, articles);
  return { part, articles: articles.length, stories: new Set(articles.map((a) => a.story)).size, microsPerArticle, ...scorePairs(articles, clusters) };
}

module.exports = { evaluate, loadPart, asArticle, SPLIT };
