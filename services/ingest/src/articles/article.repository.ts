import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Article } from '@newsflow/contracts';
import { MONGO_CONNECTION } from '@newsflow/platform';
import { Connection, Model, Schema } from 'mongoose';

/** Ingest's own record of every accepted article (MongoDB and FerretDB 1.24: plain CRUD only). */
export interface AcceptedArticle {
  _id: string;
  version: number;
  contentHash: string;
  article: Article;
  /** False until the broker acknowledged the received event; an unpublished article is re-sent on resubmission. */
  published: boolean;
  correlationId: string;
  updatedAt: Date;
}

export type AcceptOutcome = 'new' | 'new-version' | 'duplicate';

const schema = new Schema<AcceptedArticle>(
  {
    _id: String,
    version: { type: Number, required: true },
    contentHash: { type: String, required: true },
    article: { type: Schema.Types.Mixed, required: true },
    published: { type: Boolean, required: true },
    correlationId: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

const DUPLICATE_KEY = 11000;

@Injectable()
export class ArticleRepository implements OnModuleInit {
  private readonly model: Model<AcceptedArticle>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.model = connection.model<AcceptedArticle>('AcceptedArticle', schema, 'ingest_articles');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createCollection().catch(() => undefined);
  }

  /**
   * Stores the article as version 1, as the next version when its content changed, or reports a
   * duplicate. Optimistic on `version`, so two concurrent submissions cannot both claim one version.
   */
  async accept(article: Article, correlationId: string): Promise<{ outcome: AcceptOutcome; record: AcceptedArticle }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.model.findById(article.id).lean<AcceptedArticle>();
      const now = new Date();
      if (!existing) {
        const record: AcceptedArticle = { _id: article.id, version: 1, contentHash: article.contentHash,
          article: { ...article, version: 1 }, published: false, correlationId, updatedAt: now };
        try {
          await this.model.collection.insertOne(record as never);
          return { outcome: 'new', record };
        } catch (error) {
          if ((error as { code?: number }).code === DUPLICATE_KEY) continue;
          throw error;
        }
      }
      if (existing.contentHash === article.contentHash) return { outcome: 'duplicate', record: existing };
      const version = existing.version + 1;
      const record: AcceptedArticle = { ...existing, version, contentHash: article.contentHash,
        article: { ...article, version }, published: false, correlationId, updatedAt: now };
      const result = await this.model.updateOne({ _id: article.id, version: existing.version }, { $set: record });
      if (result.modifiedCount === 1) return { outcome: 'new-version', record };
    }
    throw new Error(`article ${article.id}: too many concurrent submissions`);
  }

  async markPublished(id: string, version: number): Promise<void> {
    await this.model.updateOne({ _id: id, version }, { $set: { published: true, updatedAt: new Date() } });
  }
}
