import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { MONGO_CONNECTION } from '@newsflow/platform';
import { Collection, Connection } from 'mongoose';
import { SearchDocument } from './search-document';

export const SEARCH_COLLECTION = 'search_articles';

/**
 * Version-guarded upserts: an older version never overwrites a newer one, and writing the same
 * version again is harmless, so replays and redeliveries change nothing.
 * Runs on MongoDB and FerretDB 1.24 alike: plain filters and single-field indexes only.
 */
@Injectable()
export class SearchDocumentRepository implements OnModuleInit {
  private readonly collection: Collection<SearchDocument>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.collection = connection.collection<SearchDocument>(SEARCH_COLLECTION);
  }

  async onModuleInit(): Promise<void> {
    await this.collection.createIndex({ entityIds: 1 });
    await this.collection.createIndex({ publishedAt: -1 });
    await this.collection.createIndex({ sourceId: 1 });
  }

  /** Returns false when a newer version is already indexed. */
  async upsert(document: SearchDocument): Promise<boolean> {
    try {
      await this.collection.replaceOne({ _id: document._id, version: { $lte: document.version } }, document, { upsert: true });
      return true;
    } catch (error) {
      // The filter missed because a newer version exists, so the upsert collided with its _id.
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async findById(id: string): Promise<SearchDocument | null> {
    return this.collection.findOne({ _id: id });
  }
}
