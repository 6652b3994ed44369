import 'reflect-metadata';
import mongoose from 'mongoose';
import { loadIndexerConfig } from '../config/indexer.config';
import { SearchCollectionsStore } from '../index/search-collections';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { Reindexer } from './reindexer';

const USAGE = `usage: npm run reindex -- [--status | --abort] [--batch-size N] [--settle-ms N]
  (no option)   rebuild every search document into a new collection and switch the indexers to it
  --status      print which collection is active, being built, and kept as previous
  --abort       forget a reindex that died half-way and drop its collection
  --batch-size  documents per bulk insert (default 1000)
  --settle-ms   how long the indexers get to notice a change (default 3 × SEARCH_COLLECTIONS_POLL_MS)`;

function option(args: string[], name: string): number | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got ${JSON.stringify(args[i + 1] ?? '')}`);
  return value;
}

async function main(args: string[]): Promise<number> {
  const known = new Set(['--status', '--abort', '--batch-size', '--settle-ms']);
  const unknown = args.find((arg, i) => arg.startsWith('--') ? !known.has(arg) : !['--batch-size', '--settle-ms'].includes(args[i - 1]));
  if (unknown !== undefined) {
    console.error(`unknown argument ${JSON.stringify(unknown)}\n${USAGE}`);
    return 2;
  }
  const config = loadIndexerConfig();
  const connection = await mongoose.createConnection(config.MONGODB_URI, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const store = new SearchCollectionsStore(connection);
    const reindexer = new Reindexer(store, new SearchDocumentRepository(connection), (name) => connection.dropCollection(name));
    if (args.includes('--status')) {
      console.log(JSON.stringify(await store.read(), null, 2));
    } else if (args.includes('--abort')) {
      const dropped = await reindexer.abort();
      console.log(dropped ? `aborted the reindex into ${dropped}; its collection is dropped` : 'no reindex in progress');
    } else {
      const started = Date.now();
      const report = await reindexer.run({
        batchSize: option(args, 'batch-size'),
        settleMs: option(args, 'settle-ms') ?? 3 * config.SEARCH_COLLECTIONS_POLL_MS,
        log: (line) => console.log(`[reindex +${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`),
      });
      console.log(`[reindex] switched ${report.from} → ${report.to}: ${report.copied} articles in ${report.seconds.toFixed(1)} s `
        + `(bulk copy ${report.copyPerSecond}/s), ${report.caughtUp} caught up; ${report.from} kept as previous`
        + (report.droppedCollection ? `, ${report.droppedCollection} dropped` : '')
        + (report.unreadable.length > 0 ? `; ${report.unreadable.length} unreadable, copied unchanged and left out of search: ${report.unreadable.join(', ')}` : ''));
    }
    return 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[reindex] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
