#!/usr/bin/env node
// npm run purge -- (--older-than <N>d | --article <id> ...) [--dry-run] [--batch-size N]
// Against the local infra unless MONGODB_URI says otherwise (then Redis only with REDIS_URL).
// Exit 0 done, 1 failed (a store unreachable, an error mid-way: safe to run again), 2 bad flags.
const { parseArgs, UsageError, USAGE } = require('./args');

function redact(uri) {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

async function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`[purge] ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (!process.env.MONGODB_URI) {
    const local = require('../infra').env();
    process.env.MONGODB_URI = local.MONGODB_URI;
    process.env.REDIS_URL ??= local.REDIS_URL;
  }
  const mongoose = require('mongoose');
  const Redis = require('ioredis');
  const { purge, formatSummary } = require('./purge');
  const mongoUri = process.env.MONGODB_URI;
  const timeoutMs = Number(process.env.PURGE_CONNECT_TIMEOUT_MS ?? 10_000);
  let connection;
  try {
    connection = await mongoose.createConnection(mongoUri, { serverSelectionTimeoutMS: timeoutMs }).asPromise();
    // Selecting the server is lazy on some drivers: make sure it answers before anything is read.
    await connection.db.admin().ping();
  } catch (error) {
    console.error(`[purge] MongoDB unreachable at ${redact(mongoUri)}: ${error.message}; nothing was removed`);
    await connection?.close().catch(() => undefined);
    return 1;
  }
  let redis = null;
  if (process.env.REDIS_URL) {
    redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 1, retryStrategy: () => null, enableOfflineQueue: false });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.ping();
    } catch (error) {
      console.error(`[purge] Redis unreachable at ${redact(process.env.REDIS_URL)}: ${error.message}; nothing was removed (unset REDIS_URL to purge MongoDB alone)`);
      redis.disconnect();
      await connection.close();
      return 1;
    }
  } else {
    console.warn('[purge] REDIS_URL unset: the weather backfill queue is not checked');
  }
  const started = Date.now();
  try {
    const summary = await purge({
      connection,
      redis,
      options,
      log: (line) => console.log(`[purge +${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`),
    });
    console.log(formatSummary(summary));
    if (process.env.PURGE_SUMMARY_JSON) console.log(JSON.stringify(summary));
    return 0;
  } finally {
    redis?.disconnect();
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[purge] failed: ${error instanceof Error ? error.message : String(error)}; what was removed stays removed, and running it again finishes the rest`);
    process.exit(1);
  },
);
