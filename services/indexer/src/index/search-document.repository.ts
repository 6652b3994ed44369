import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { InsertCoalescer, insertEach, MONGO_CONNECTION, MONGO_INSERT_LINGER_MS } from '@newsflow/platform';
import { Collection, Connection } from 'mongoose';
import { oneAtATime } from './one-at-a-time';
import { SEARCH_COLLECTION, SearchCollectionsState } from './search-collections';
import { INDEXABLE_PROJECTION, IndexableDocument, SearchDocument } from './search-document';
import { backfillTimeOf, fromStored, StoredSearchDocument, toIndexable, toStored } from './stored-search-document';

export { SEARCH_COLLECTION } from './search-collections';
export const VERSIONS_COLLECTION = 'search_article_versions';

/**
 * The versions an article no longer has as its latest (replaced by a newer one, or arriving after
 * it), `_id` = `<article id>:<version>`, so reading one back is an `_id` lookup. The latest lives only
 * in the search collection: a new article is one document written, not two. (Deployments from before
 * this also hold each latest version here; reads do not mind.)
 */
export type ArticleVersionDocument = StoredSearchDocument & { articleId: string };

/**
 * Version-guarded upserts: an older version never overwrites a newer one, and writing the same
 * version again is harmless, so replays and redeliveries change nothing. Of one version, a write
 * with later backfilled weather (`weather.backfilledAt`: a backfill, an embargo's refresh at its
 * release) replaces one with earlier or none, never the other way round.
 * Runs on MongoDB and FerretDB 1.24 alike: every read on the request path is an `_id` lookup (the
 * only kind FerretDB's SQLite backend serves from an index); search itself runs in memory.
 * Takes and returns search documents; stores them with the article as text (see StoredSearchDocument).
 */
@Injectable()
export class SearchDocumentRepository implements OnModuleInit {
  private collection: Collection<StoredSearchDocument>;
  /** Set while a reindex builds a new collection: every write goes there too. */
  private building?: Collection<StoredSearchDocument>;
  private readonly versions: Collection<ArticleVersionDocument>;
  private readonly versionInserts: InsertCoalescer<ArticleVersionDocument>;
  /** Per collection name: the inserts of concurrently consumed articles go out as one insertMany. */
  private readonly inserts = new Map<string, InsertCoalescer<StoredSearchDocument>>();

  constructor(
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    @Optional() @Inject(MONGO_INSERT_LINGER_MS) private readonly lingerMs = 0,
  ) {
    this.collection = connection.collection<StoredSearchDocument>(SEARCH_COLLECTION);
    this.versions = connection.collection<ArticleVersionDocument>(VERSIONS_COLLECTION);
    this.versionInserts = new InsertCoalescer(this.versions, { lingerMs });
  }

  private insertsInto(collection: Collection<StoredSearchDocument>): InsertCoalescer<StoredSearchDocument> {
    let inserts = this.inserts.get(collection.collectionName);
    if (!inserts) this.inserts.set(collection.collectionName, (inserts = new InsertCoalescer(collection, { lingerMs: this.lingerMs })));
    return inserts;
  }

  async onModuleInit(): Promise<void> {
    await this.createIndexes(this.collection.collectionName);
  }

  /** The secondary indexes a search collection has (used by MongoDB; FerretDB keeps them but scans anyway). */
  async createIndexes(collectionName: string): Promise<void> {
    const collection = this.connection.collection(collectionName);
    await collection.createIndex({ entityIds: 1 });
    await collection.createIndex({ publishedAt: -1 });
    await collection.createIndex({ sourceId: 1 });
  }

  get activeCollection(): string {
    return this.collection.collectionName;
  }

  /** Points reads and writes at the state's collections; cheap, called on every state change. */
  follow(state: SearchCollectionsState): void {
    if (state.active !== this.collection.collectionName) this.collection = this.connection.collection<StoredSearchDocument>(state.active);
    this.building = state.building ? this.connection.collection<StoredSearchDocument>(state.building) : undefined;
  }

  /**
   * Returns false when a newer version is already in the active collection (that older version then
   * goes into the history, as does the version this one replaces, before it is replaced), or this
   * version with later backfilled weather.
   */
  async upsert(document: SearchDocument): Promise<boolean> {
    const building = this.building;
    const stored = toStored(document);
    const outcome = await upsertInto(this.collection, stored, this.insertsInto(this.collection), { beforeReplacing: (old) => this.archive(old) });
    // This version with earlier weather is no version of its own: nothing to keep.
    if (outcome === 'older') await this.archive(stored);
    // Whatever the active collection decided, the one being built gets its own version-guarded write.
    if (building) await upsertInto(building, stored, this.insertsInto(building));
    return outcome === 'written';
  }

  /**
   * Copies a batch into a collection being built: one insertMany, and the version-guarded upsert only
   * for the articles a concurrent write already put there (which may hold an older version).
   */
  async copyInto(collectionName: string, stored: StoredSearchDocument[]): Promise<void> {
    if (stored.length === 0) return;
    const collection = this.connection.collection<StoredSearchDocument>(collectionName);
    const outcomes = await insertEach(collection, stored);
    for (const [index, outcome] of outcomes.entries()) {
      if (!outcome.ok) throw outcome.error;
      if (!outcome.value) await this.copyStoredIfNewer(collection, stored[index]);
    }
  }

  /**
   * For a collection being built: writes the document only where the collection lacks this article
   * or holds an older version. The same version there came from the same derivation, so it is left
   * alone, which spares a replace (a collection scan on FerretDB) per article already copied.
   */
  copyIfNewer(collectionName: string, stored: StoredSearchDocument): Promise<boolean> {
    return this.copyStoredIfNewer(this.connection.collection<StoredSearchDocument>(collectionName), stored);
  }

  private async copyStoredIfNewer(collection: Collection<StoredSearchDocument>, stored: StoredSearchDocument): Promise<boolean> {
    return (await upsertInto(collection, stored, this.insertsInto(collection), { replaceSameVersion: false })) === 'written';
  }

  /** Keeps a version that is not (or no longer) the latest in the history; idempotent by `_id`. */
  private async archive(document: StoredSearchDocument): Promise<void> {
    // An insert, not an upsert: FerretDB scans the collection for an upsert that matches nothing. A
    // version's content never changes, so finding it already there (a replay) is success.
    await this.versionInserts.insert({ ...document, _id: `${document._id}:${document.version}`, articleId: document._id });
  }

  async findById(id: string): Promise<SearchDocument | null> {
    const found = await this.collection.findOne({ _id: id });
    return found && fromStored(found);
  }

  /** The latest is read first (an `_id` hit; `known` when the caller has it), so asking for a version that never existed costs no scan. */
  async findVersion(id: string, version: number, known?: SearchDocument | null): Promise<SearchDocument | null> {
    const latest = known === undefined ? await this.findById(id) : known;
    if (!latest || version > latest.version) return null;
    if (version === latest.version) return latest;
    const found = await this.versions.findOne({ _id: `${id}:${version}` });
    if (!found) return null;
    const { articleId, ...document } = fromStored(found);
    return { ...document, _id: articleId };
  }

  /** Every latest document as stored, streamed (a reindex copies them, and must see the ones that no longer parse). */
  allStored(collectionName = this.collection.collectionName): AsyncIterable<StoredSearchDocument> {
    return this.connection.collection<StoredSearchDocument>(collectionName).find({}, { batchSize: 500 });
  }

  /** Every latest document as far as the in-memory index reads it, streamed; at start-up and after a reindex. */
  async *allIndexable(collectionName = this.collection.collectionName): AsyncIterable<IndexableDocument> {
    // The projection trims documents stored as objects; one stored as text is trimmed after parsing.
    for await (const stored of this.connection.collection<StoredSearchDocument>(collectionName).find({}, { batchSize: 500, projection: INDEXABLE_PROJECTION })) {
      const indexable = toIndexable(stored);
      if (indexable) yield indexable;
    }
  }

  /**
   * Id and version of each document written since `since`, for a reindex's catch-up pass. Not an
   * `_id` lookup, so FerretDB scans the collection: fine once per reindex, never on the request path.
   * Collected before anything else is read, because FerretDB slows every other query while a cursor
   * stays open.
   */
  async writtenSince(collectionName: string, since: Date): Promise<Array<{ _id: string; version: number }>> {
    return this.connection.collection<StoredSearchDocument>(collectionName)
      .find({ indexedAt: { $gte: since } }, { projection: { version: 1 }, batchSize: 5000 }).toArray();
  }

  findStoredIn(collectionName: string, id: string): Promise<StoredSearchDocument | null> {
    return this.connection.collection<StoredSearchDocument>(collectionName).findOne({ _id: id });
  }

  async versionIn(collectionName: string, id: string): Promise<number | undefined> {
    const found = await this.connection.collection<StoredSearchDocument>(collectionName).findOne({ _id: id }, { projection: { version: 1 } });
    return found?.version;
  }
}

/**
 * `older` when a newer version is already there, `same` when this version is, with later backfilled
 * weather (an old redelivery must not take back the weather a backfill brought). Insert first, and only when the article
 * exists read its version by `_id` and compare-and-replace on (`_id`, version read): on MongoDB an
 * atomic check. This order avoids lookups that match nothing (an `_id` that is not there, or an
 * `upsert` with a version filter), which FerretDB 1.24 answers with a full collection scan.
 * Writes for one article arrive in order on one partition, so the retry only matters in a rebalance.
 */
async function upsertInto(
  collection: Collection<StoredSearchDocument>,
  document: StoredSearchDocument,
  inserts: InsertCoalescer<StoredSearchDocument>,
  { replaceSameVersion = true, beforeReplacing }: { replaceSameVersion?: boolean; beforeReplacing?: (old: StoredSearchDocument) => Promise<void> } = {},
): Promise<'written' | 'older' | 'same'> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await inserts.insert(document)) return 'written';
    // The whole document only when it may have to be kept before being replaced.
    const existing = await collection.findOne({ _id: document._id }, beforeReplacing ? {} : { projection: { version: 1, weatherBackfilledAt: 1 } });
    if (!existing) continue; // deleted meanwhile: insert again
    if (existing.version > document.version) return 'older';
    if (existing.version === document.version) {
      const held = backfillTimeOf(existing);
      const coming = backfillTimeOf(document);
      if (coming < held || (coming === held && !replaceSameVersion)) return 'same';
    }
    // Kept first: a crash between the two leaves the old version in both places, never in neither.
    if (beforeReplacing && existing.version < document.version) await beforeReplacing(existing);
    const replaced = await oneAtATime(`${collection.dbName}.${collection.collectionName}`, () => collection.replaceOne({ _id: document._id, version: existing.version }, document));
    if (replaced.matchedCount === 1) return 'written';
  }
  throw new Error(`upsert of article ${document._id} into ${collection.collectionName} kept colliding with concurrent writes`);
}
