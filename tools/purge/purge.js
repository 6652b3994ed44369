// Removes every stored trace of chosen articles from both services' collections, and tells running
// indexers to drop them from their in-memory search (the purge log in search_meta). See README,
// "Retention and takedown".
const { SearchCollectionsStore, SearchPurgeLog, PURGE_RECORD_RETENTION_MS } = require('../../services/indexer/dist/index/search-collections');
const { VERSIONS_COLLECTION } = require('../../services/indexer/dist/index/search-document.repository');

// Ingest's collections (services/ingest/src/articles/article.repository.ts, article-status.repository.ts).
const INGEST_VERSIONS = 'ingest_articles';
const INGEST_HEADS = 'ingest_article_heads';
const INGEST_PUBLICATIONS = 'ingest_article_publications';
const INGEST_STEPS = 'ingest_article_steps';
/** Every `_id` suffix of a step record; `received` only in records written before publications kept it. */
const STEP_KEYS = ['enriched', 'weather', 'indexed', 'failed', 'received'];
const SCAN_BATCH = 5000;
const PROGRESS_EVERY = 20_000;

/**
 * One pass over `collection` (FerretDB scans for any filter but `_id` equality, so the filter only
 * trims what comes back), streaming only the projected fields.
 */
async function scan(connection, collection, filter, projection, onDocument, log) {
  let seen = 0;
  const started = Date.now();
  for await (const document of connection.collection(collection).find(filter, { projection, batchSize: SCAN_BATCH })) {
    onDocument(document);
    seen += 1;
    if (seen % PROGRESS_EVERY === 0) log(`${collection}: read ${seen} documents`);
  }
  log(`${collection}: read ${seen} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return seen;
}

/**
 * Which articles go, and up to which version each, with as few scans as FerretDB allows: one pass over
 * ingest_articles (the versions; the authority on an article's latest version and its publishedAt), and
 * one over each search collection (for articles ingest no longer holds). Every other collection's
 * `_id`s follow from the article id and version, so those are never scanned to select.
 */
async function select(connection, searchCollections, options, log) {
  const named = new Set(options.articles);
  const byAge = options.cutoff !== undefined;
  const cutoff = byAge ? options.cutoff.getTime() : 0;
  /** article id → [latest version, its publishedAt in epoch ms] */
  const ingest = new Map();
  await scan(connection, INGEST_VERSIONS, byAge ? {} : { articleId: { $in: [...named] } }, { _id: 0, articleId: 1, version: 1, 'article.publishedAt': 1 }, (doc) => {
    const current = ingest.get(doc.articleId);
    if (!current || doc.version > current[0]) ingest.set(doc.articleId, [doc.version, Date.parse(doc.article?.publishedAt ?? '')]);
  }, log);
  /** article id → highest version known anywhere */
  const targets = new Map();
  const counts = { [INGEST_VERSIONS]: 0 };
  for (const [id, [version, publishedAt]] of ingest) {
    if (named.has(id) || (byAge && publishedAt < cutoff)) {
      targets.set(id, version);
      counts[INGEST_VERSIONS] += version;
    }
  }
  const present = {};
  for (const collection of searchCollections) {
    const ids = new Set();
    present[collection] = ids;
    await scan(connection, collection, byAge ? {} : { _id: { $in: [...named] } }, { version: 1, publishedAt: 1 }, (doc) => {
      const known = targets.get(doc._id);
      // Ingest's verdict stands for the articles it holds; a search document it lacks goes by its own date.
      const selected = known !== undefined || named.has(doc._id)
        || (!ingest.has(doc._id) && byAge && new Date(doc.publishedAt).getTime() < cutoff);
      if (!selected) return;
      ids.add(doc._id);
      targets.set(doc._id, Math.max(known ?? 0, doc.version));
    }, log);
    counts[collection] = ids.size;
  }
  const missing = options.articles.filter((id) => !targets.has(id));
  return { targets, counts, missing };
}

/** The `_id`s of everything stored about these articles, per collection. */
function idsByCollection(targets, searchCollections) {
  const versionIds = [];
  const stepIds = [];
  for (const [id, latest] of targets) {
    for (let version = 1; version <= latest; version += 1) {
      versionIds.push(`${id}:${version}`);
      for (const step of STEP_KEYS) stepIds.push(`${id}:${version}:${step}`);
    }
  }
  const articleIds = [...targets.keys()];
  return {
    search: [...searchCollections.map((collection) => [collection, articleIds]), [VERSIONS_COLLECTION, versionIds]],
    // Ingest's versions last: they are what a later run selects by, so a purge cut short can be run again.
    ingest: [[INGEST_STEPS, stepIds], [INGEST_PUBLICATIONS, versionIds], [INGEST_HEADS, articleIds], [INGEST_VERSIONS, versionIds]],
  };
}

/**
 * For --earlier-versions: the `_id`s of every version before each article's latest, in the
 * collections that keep versions. The latest version, its search document, the head and the
 * in-memory index are left alone, so the story stays served and searchable as it now reads.
 */
function earlierVersionIds(targets) {
  const versionIds = [];
  const stepIds = [];
  for (const [id, latest] of targets) {
    for (let version = 1; version < latest; version += 1) {
      versionIds.push(`${id}:${version}`);
      for (const step of STEP_KEYS) stepIds.push(`${id}:${version}:${step}`);
    }
  }
  return {
    search: [[VERSIONS_COLLECTION, versionIds]],
    // Ingest's versions are erased, not deleted (eraseVersions): each claims its version number.
    ingest: [[INGEST_STEPS, stepIds], [INGEST_PUBLICATIONS, versionIds]],
    erase: versionIds,
  };
}

/**
 * Ingest numbers versions by claiming each with an insert, version 1 first: a deleted version would
 * be claimed again by the next submission, which would then be taken for a new story. So an earlier
 * version keeps its document, with its copy replaced by a notice (as a kill's is) and `erasedAt` set;
 * ids, source, times, hashes and its cluster stay, so versioning and duplicates work as before.
 */
async function eraseVersions(connection, ids, log) {
  const versions = connection.collection(INGEST_VERSIONS);
  let erased = 0;
  for (const id of ids) {
    const stored = await versions.findOne({ _id: id });
    if (!stored || stored.erasedAt) continue;
    const { id: articleId, version, source, sourceItemId, language, publishedAt, updatedAt, receivedAt, format, storyClusterId, contentHash } = stored.article;
    const article = Object.fromEntries(Object.entries({ id: articleId, version, source, sourceItemId, language, publishedAt, updatedAt, receivedAt, format, storyClusterId, contentHash,
      headline: 'Version erased', body: 'This version was erased.' }).filter(([, value]) => value !== undefined));
    await versions.replaceOne({ _id: id }, { ...stored, article, erasedAt: new Date() });
    erased += 1;
  }
  log(`${INGEST_VERSIONS}: ${erased} earlier version(s) erased`);
  return erased;
}

/**
 * Ingest finds an article's latest version from its head, probing forward; a head left naming a
 * version that is gone would make the article look absent, so it is set to the latest first.
 */
async function pinHeads(connection, targets) {
  for (const [id, latest] of targets) {
    if (latest > 1) await connection.collection(INGEST_HEADS).updateOne({ _id: id }, { $set: { version: latest } }, { upsert: true });
  }
}

/** `deleteMany({_id: {$in}})` per batch: on FerretDB 1.24 each is one scan of the collection, however many it names. */
async function deleteIds(connection, collection, ids, batchSize, log) {
  let deleted = 0;
  const started = Date.now();
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    const result = await connection.collection(collection).deleteMany({ _id: { $in: batch } });
    deleted += result.deletedCount;
    log(`${collection}: ${Math.min(start + batchSize, ids.length)}/${ids.length} ids done, ${deleted} documents deleted (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  return deleted;
}

/**
 * Weather's backfill queue keeps the whole enriched article (up to 3 days) for versions that left
 * without weather, and would send it down the pipeline again: its entries for these versions go too.
 * One queue per weather consumer group (`newsflow:weather:backfill:<group>:due`), found by SCAN.
 */
async function purgeBackfill(redis, targets, dryRun, keepLatest = false) {
  // Every weather consumer group's keys, also one whose queue is empty (its `:latest:` keys remain).
  const prefixes = new Set();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', 'newsflow:weather:backfill:*', 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const match = /^(newsflow:weather:backfill:.+?):(?:due|releases|latest:[^:]+|item:[^:]+:\d+)$/.exec(key);
      if (match) prefixes.add(match[1]);
    }
  } while (cursor !== '0');
  let removed = 0;
  for (const prefix of prefixes) {
    const due = `${prefix}:due`;
    const members = [];
    for (const [id, latest] of targets) for (let version = 1; version <= (keepLatest ? latest - 1 : latest); version += 1) members.push(`${id}:${version}`);
    for (let start = 0; start < members.length; start += 1000) {
      const batch = members.slice(start, start + 1000);
      if (dryRun) {
        const scores = await batch.reduce((pipeline, member) => pipeline.zscore(due, member), redis.pipeline()).exec();
        removed += scores.filter(([error, score]) => !error && score !== null).length;
        continue;
      }
      const pipeline = redis.pipeline().zrem(due, ...batch).del(...batch.map((member) => `${prefix}:item:${member}`)).zrem(`${prefix}:releases`, ...batch);
      const [[zremError, zremoved], [delError, deleted], [releasesError]] = await pipeline.exec();
      if (zremError) throw zremError;
      if (delError) throw delError;
      if (releasesError) throw releasesError;
      removed += Math.max(Number(zremoved), Number(deleted));
    }
    // The latest version weather saw: kept, a story submitted again after its purge (version 1 anew)
    // would count as superseded for up to 3 days, and its weather would never be backfilled.
    if (!dryRun && !keepLatest) {
      const ids = [...targets.keys()];
      for (let start = 0; start < ids.length; start += 1000) await redis.del(...ids.slice(start, start + 1000).map((id) => `${prefix}:latest:${id}`));
    }
  }
  return { queues: prefixes.size, removed };
}

/**
 * Runs the purge; returns the summary. `redis` may be null (not checked: said in the summary).
 */
async function purge({ connection, redis, options, log = () => undefined }) {
  const started = Date.now();
  const state = await new SearchCollectionsStore(connection).read();
  if (state.building) {
    // The reindex copies documents from the active collection into the new one: a copy made after the
    // purge's delete would bring an article back. Run the purge before or after it.
    throw new Error(`a reindex into ${state.building} is running (since ${state.buildingSince?.toISOString?.() ?? '?'}); purge once it is done, or after \`npm run reindex -- --abort\``);
  }
  const searchCollections = [...new Set([state.active, state.previous].filter(Boolean))];
  log(`selecting ${[
    options.cutoff ? `articles last published before ${options.cutoff.toISOString()} (${options.olderThanDays} days)` : '',
    options.articles.length ? `${options.articles.length} named article(s)` : '',
  ].filter(Boolean).join(' and ')}; search collections: ${searchCollections.join(', ')}`);
  const { targets, counts, missing } = await select(connection, searchCollections, options, log);
  const selectSeconds = (Date.now() - started) / 1000;
  const plan = options.earlierVersions ? earlierVersionIds(targets) : idsByCollection(targets, searchCollections);
  const summary = {
    dryRun: options.dryRun,
    earlierVersionsOnly: options.earlierVersions,
    articles: targets.size,
    missing,
    selectSeconds,
    removed: {},
    searchCollections,
    purgeGeneration: undefined,
    redis: redis ? undefined : 'not checked (REDIS_URL unset)',
    seconds: 0,
  };
  if (options.dryRun) {
    for (const [collection, ids] of [...plan.search, ...plan.ingest]) {
      summary.removed[collection] = counts[collection] !== undefined && !options.earlierVersions ? counts[collection] : { atMost: ids.length };
    }
    if (plan.erase) summary.removed[`${INGEST_VERSIONS} (erased)`] = { atMost: plan.erase.length };
    if (redis) summary.redis = await purgeBackfill(redis, targets, true, options.earlierVersions);
    summary.seconds = (Date.now() - started) / 1000;
    return summary;
  }
  if (targets.size > 0 && options.earlierVersions) {
    await pinHeads(connection, targets);
    for (const [collection, ids] of plan.search) summary.removed[collection] = await deleteIds(connection, collection, ids, options.batchSize, log);
    if (redis) summary.redis = await purgeBackfill(redis, targets, false, true);
    for (const [collection, ids] of plan.ingest) summary.removed[collection] = await deleteIds(connection, collection, ids, options.batchSize, log);
    summary.removed[`${INGEST_VERSIONS} (erased)`] = await eraseVersions(connection, plan.erase, log);
  } else if (targets.size > 0) {
    const deletedFrom = new Date();
    for (const [collection, ids] of plan.search) summary.removed[collection] = await deleteIds(connection, collection, ids, options.batchSize, log);
    const purges = new SearchPurgeLog(connection);
    summary.purgeGeneration = await purges.append([...targets.keys()], deletedFrom);
    const pruned = await purges.prune();
    log(`purge log at generation ${summary.purgeGeneration}${pruned ? ` (${pruned} records older than ${Math.round(PURGE_RECORD_RETENTION_MS / 86_400_000)} days pruned)` : ''}: running indexers drop these articles within their poll interval`);
    if (redis) summary.redis = await purgeBackfill(redis, targets, false);
    for (const [collection, ids] of plan.ingest) summary.removed[collection] = await deleteIds(connection, collection, ids, options.batchSize, log);
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

function formatSummary(summary) {
  const what = summary.earlierVersionsOnly ? `the earlier versions of ${summary.articles} article(s), keeping each one's latest,` : `${summary.articles} article(s)`;
  const lines = [`[purge] ${summary.dryRun ? 'dry run: would remove' : 'removed'} ${what} in ${summary.seconds.toFixed(1)} s (selection ${summary.selectSeconds.toFixed(1)} s)`];
  for (const [collection, removed] of Object.entries(summary.removed)) {
    lines.push(`  ${collection.padEnd(32)} ${typeof removed === 'number' ? removed : `at most ${removed.atMost} (ids derived, not counted)`}`);
  }
  if (typeof summary.redis === 'string') lines.push(`  weather backfill (Redis)         ${summary.redis}`);
  else if (summary.redis) lines.push(`  weather backfill (Redis)         ${summary.redis.removed} entries in ${summary.redis.queues} queue(s)`);
  if (summary.purgeGeneration !== undefined) lines.push(`  purge log generation ${summary.purgeGeneration}: indexers stop listing them within SEARCH_COLLECTIONS_POLL_MS`);
  if (summary.missing.length) lines.push(`  not found (nothing stored): ${summary.missing.join(', ')}`);
  lines.push('  Kafka topics keep their copies until the topics\' retention deletes them (see the runbook).');
  return lines.join('\n');
}

module.exports = { purge, formatSummary, select, idsByCollection, earlierVersionIds };
