import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Article } from '@newsflow/contracts';
import { MONGO_CONNECTION } from '@newsflow/platform';
import { Collection, Connection } from 'mongoose';

/**
 * One immutable document per article version, `_id` = `<articleId>:<version>`. Claiming a version is
 * an insert, and the primary key makes it atomic on MongoDB and on FerretDB 1.24 alike (FerretDB's
 * updates are not atomic compare-and-set, so a version counter updated in place could hand the
 * same version to two concurrent submissions).
 */
export interface AcceptedArticle {
  _id: string;
  articleId: string;
  version: number;
  contentHash: string;
  article: Article;
  /** False until the broker acknowledged the received event; an unpublished version is re-sent on resubmission. */
  published: boolean;
  correlationId: string;
  acceptedAt: Date;
}

export type AcceptOutcome = 'new' | 'new-version' | 'duplicate';

const DUPLICATE_KEY = 11000;
const MAX_ATTEMPTS = 20;

@Injectable()
export class ArticleRepository implements OnModuleInit {
  private readonly collection: Collection<AcceptedArticle>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.collection = connection.collection<AcceptedArticle>('ingest_articles');
  }

  async onModuleInit(): Promise<void> {
    await this.collection.createIndex({ articleId: 1, version: -1 });
  }

  async latest(articleId: string): Promise<AcceptedArticle | null> {
    return this.collection.find({ articleId }).sort({ version: -1 }).limit(1).next();
  }

  /** Stores the article as version 1, as the next version when its content changed, or reports a duplicate. */
  async accept(article: Article, correlationId: string): Promise<{ outcome: AcceptOutcome; record: AcceptedArticle }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const latest = await this.latest(article.id);
      if (latest?.contentHash === article.contentHash) return { outcome: 'duplicate', record: latest };
      const version = (latest?.version ?? 0) + 1;
      const record: AcceptedArticle = {
        _id: `${article.id}:${version}`,
        articleId: article.id,
        version,
        contentHash: article.contentHash,
        article: { ...article, version },
        published: false,
        correlationId,
        acceptedAt: new Date(),
      };
      try {
        await this.collection.insertOne(record);
        return { outcome: latest ? 'new-version' : 'new', record };
      } catch (error) {
        // Another submission claimed this version first: look again.
        if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      }
    }
    throw new Error(`article ${article.id}: too many concurrent submissions`);
  }

  async markPublished(articleId: string, version: number): Promise<void> {
    await this.collection.updateOne({ _id: `${articleId}:${version}` }, { $set: { published: true } });
  }
}
