import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { MONGO_CONNECTION } from '@newsflow/platform';
import { Collection, Connection } from 'mongoose';
import { SearchDocument } from './search-document';

export const SEARCH_COLLECTION = 'search_articles';
export const VERSIONS_COLLECTION = 'search_article_versions';

/** Every version ever indexed, `_id` = `<article id>:<version>`, so reading one back is an `_id` lookup. */
export interface ArticleVersionDocument extends SearchDocument {
  articleId: string;
}

/**
 * Version-guarded upserts: an older version never overwrites a newer one, and writing the same
 * version again is harmless, so replays and redeliveries change nothing.
 * Runs on MongoDB and FerretDB 1.24 alike: every read on the request path is an `_id` lookup (the
 * only kind FerretDB's SQLite backend serves from an index); search itself runs in memory.
 */
@Injectable()
export class SearchDocumentRepository implements OnModuleInit {
  private readonly collection: Collection<SearchDocument>;
  private readonly versions: Collection<ArticleVersionDocument>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.collection = connection.collection<SearchDocument>(SEARCH_COLLECTION);
    this.versions = connection.collection<ArticleVersionDocument>(VERSIONS_COLLECTION);
  }

  async onModuleInit(): Promise<void> {
    await this.collection.createIndex({ entityIds: 1 });
    await this.collection.createIndex({ publishedAt: -1 });
    await this.collection.createIndex({ sourceId: 1 });
  }

  /**
   * Returns false when a newer version is already indexed. Insert first, and only when the article
   * exists read its version by `_id` and compare-and-replace on (`_id`, version read): on MongoDB an
   * atomic check. This order avoids lookups that match nothing (an `_id` that is not there, or an
   * `upsert` with a version filter), which FerretDB 1.24 answers with a full collection scan.
   * Writes for one article arrive in order on one partition, so the retry only matters in a rebalance.
   */
  async upsert(document: SearchDocument): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        await this.collection.insertOne(document);
        return true;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
      const existing = await this.collection.findOne({ _id: document._id }, { projection: { version: 1 } });
      if (!existing) continue; // deleted meanwhile: insert again
      if (existing.version > document.version) return false;
      const replaced = await this.collection.replaceOne({ _id: document._id, version: existing.version }, document);
      if (replaced.matchedCount === 1) return true;
    }
    throw new Error(`upsert of article ${document._id} kept colliding with concurrent writes`);
  }

  /** Keeps this version in the history, whether or not it is the latest; idempotent by `_id`. */
  async saveVersion(document: SearchDocument): Promise<void> {
    // insertOne, not an upsert: FerretDB scans the collection for an upsert that matches nothing. A
    // version's content never changes, so finding it already there (a replay) is success.
    try {
      await this.versions.insertOne({ ...document, _id: `${document._id}:${document.version}`, articleId: document._id });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }

  async findById(id: string): Promise<SearchDocument | null> {
    return this.collection.findOne({ _id: id });
  }

  /** The latest is read first (an `_id` hit), so asking for a version that never existed costs no scan. */
  async findVersion(id: string, version: number): Promise<SearchDocument | null> {
    const latest = await this.findById(id);
    if (!latest || version > latest.version) return null;
    if (version === latest.version) return latest;
    const found = await this.versions.findOne({ _id: `${id}:${version}` });
    return found ? { ...found, _id: found.articleId } : null;
  }

  /** Every latest document, streamed; read once at start-up to build the in-memory search index. */
  all(): AsyncIterable<SearchDocument> {
    return this.collection.find({}, { batchSize: 500 });
  }
}
