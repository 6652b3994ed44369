import { randomBytes } from 'node:crypto';
import { AppError } from '@newsflow/platform';
import { SearchCollectionsState, SearchCollectionsStore } from '../index/search-collections';
import { SearchDocument, toSearchDocument } from '../index/search-document';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { fromStored, StoredSearchDocument, toStored } from '../index/stored-search-document';

export interface ReindexOptions {
  /** How long indexers may take to notice a state change: their poll interval, with margin. */
  settleMs: number;
  batchSize?: number;
  /** Clock difference tolerated between this host and the indexers' hosts, for the catch-up pass. */
  clockSkewMs?: number;
  log?: (message: string) => void;
  now?: () => Date;
}

export interface ReindexReport {
  from: string;
  to: string;
  copied: number;
  caughtUp: number;
  /** Documents whose stored article text does not parse: copied unchanged, not re-derived. */
  unreadable: string[];
  /** The bulk copy alone, without the settle wait and the catch-up pass. */
  copySeconds: number;
  copyPerSecond: number;
  droppedCollection?: string;
  seconds: number;
  perSecond: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rebuilds every search document from the complete article it stores (so a change to what the
 * indexer derives, or to how it analyses text, reaches old articles) into a new collection, then
 * switches to it with no gap:
 * 1. the new collection is announced as `building`; every indexer, within its poll interval, writes
 *    each article to both collections (version-guarded), and we wait that long;
 * 2. the active collection is copied across in bulk, re-derived; an article a concurrent write already
 *    put there goes through the same version guard, so the newer version wins either way;
 * 3. a catch-up pass reads what was written since step 1 and copies any version the new collection
 *    lacks, for a write that raced the announcement;
 * 4. the new collection becomes `active`; indexers read from it at once and rebuild their in-memory
 *    index from it in the background, serving searches from the old one until the new one is loaded.
 * The collection before the old one is dropped; the old one stays as `previous` to compare against.
 */
export class Reindexer {
  constructor(
    private readonly store: SearchCollectionsStore,
    private readonly documents: SearchDocumentRepository,
    private readonly dropCollection: (name: string) => Promise<unknown>,
  ) {}

  async run(options: ReindexOptions): Promise<ReindexReport> {
    const log = options.log ?? (() => undefined);
    const now = options.now ?? (() => new Date());
    const started = Date.now();
    const state = await this.store.read();
    if (state.building) {
      throw new Error(`a reindex into ${state.building} has been running since ${state.buildingSince?.toISOString() ?? '?'}; `
        + 'wait for it, or run `npm run reindex -- --abort` if it died');
    }
    const from = state.active;
    const to = collectionName(now());
    await this.documents.createIndexes(to);
    const building = await this.store.replace(state, { active: from, previous: state.previous, building: to, buildingSince: now() });
    log(`building ${to} from ${from}; waiting ${options.settleMs} ms for every indexer to write to both`);
    try {
      await sleep(options.settleMs);
      const copyClock = Date.now();
      const unreadable: string[] = [];
      const rederiveOrKeep = (stored: StoredSearchDocument) => rederiveStored(stored, (id) => {
        unreadable.push(id);
        log(`${id}: its stored article text does not parse, so it cannot be re-derived; copied as it is (the indexers leave it out of search)`);
      });
      const copied = await this.copy(this.documents.allStored(from), to, rederiveOrKeep, options.batchSize ?? 1000, (n) => log(`copied ${n}`));
      const copySeconds = (Date.now() - copyClock) / 1000;
      log(`copied ${copied} articles; catching up on writes made since the build was announced`);
      // The announcement precedes the copy, so everything an indexer wrote to the old collection alone is older than it.
      const since = new Date(building.changedAt.getTime() - (options.clockSkewMs ?? 60_000));
      let caughtUp = 0;
      for (const { _id, version } of await this.documents.writtenSince(from, since)) {
        if ((await this.documents.versionIn(to, _id) ?? 0) >= version) continue;
        const stored = await this.documents.findStoredIn(from, _id);
        if (stored && await this.documents.copyIfNewer(to, rederiveOrKeep(stored))) caughtUp += 1;
      }
      log(`${caughtUp} newer versions caught up from writes since ${since.toISOString()}; switching`);
      await this.store.replace(building, { active: to, previous: from });
      const droppedCollection = state.previous && state.previous !== to ? state.previous : undefined;
      if (droppedCollection) await this.dropCollection(droppedCollection);
      const seconds = (Date.now() - started) / 1000;
      const perSecond = (n: number, s: number) => Math.round(n / Math.max(s, 0.001));
      return { from, to, copied, caughtUp, unreadable, copySeconds, copyPerSecond: perSecond(copied, copySeconds), droppedCollection, seconds, perSecond: perSecond(copied, seconds) };
    } catch (error) {
      await this.abort().catch(() => undefined);
      throw error;
    }
  }

  /** Forgets a build that did not finish (indexers stop writing to it) and drops its collection. */
  async abort(): Promise<string | undefined> {
    const state: SearchCollectionsState = await this.store.read();
    if (!state.building) return undefined;
    await this.store.replace(state, { active: state.active, previous: state.previous });
    await this.dropCollection(state.building);
    return state.building;
  }

  private async copy(
    source: AsyncIterable<StoredSearchDocument>, to: string, rederiveOrKeep: (stored: StoredSearchDocument) => StoredSearchDocument,
    batchSize: number, progress: (n: number) => void,
  ): Promise<number> {
    let batch: StoredSearchDocument[] = [];
    let copied = 0;
    for await (const stored of source) {
      batch.push(rederiveOrKeep(stored));
      if (batch.length < batchSize) continue;
      await this.documents.copyInto(to, batch);
      copied += batch.length;
      batch = [];
      if (copied % (batchSize * 20) === 0) progress(copied);
    }
    await this.documents.copyInto(to, batch);
    return copied + batch.length;
  }
}

/**
 * The same function the consumer uses, applied to the stored complete article. A document whose
 * article text no longer parses (written before the payload check of 2026-12-07) is copied as it is:
 * dropping it would lose the only copy of an accepted article, and failing would leave the index
 * unable ever to be rebuilt.
 */
function rederiveStored(stored: StoredSearchDocument, unreadable: (id: string) => void): StoredSearchDocument {
  let document: SearchDocument;
  try {
    document = fromStored(stored);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'SEARCH_DOCUMENT.UNREADABLE')) throw error;
    unreadable(stored._id);
    return stored;
  }
  return toStored(toSearchDocument(document.document, document.indexedAt));
}

/** Sortable by time, and never an existing collection's name. */
function collectionName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '_');
  return `search_articles_${stamp}_${randomBytes(3).toString('hex')}`;
}
