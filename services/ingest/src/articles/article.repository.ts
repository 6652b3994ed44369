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
  /** MinHash signature of the body and its LSH band keys, to find the same story from other sources. */
  minhash: number[];
  minhashBands: string[];
  storyClusterId: string;
}

export interface NearDuplicateKeys {
  minhash: number[];
  minhashBands: string[];
  /** The cluster of the most similar earlier story, if any. */
  similarCluster?: string;
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
    await this.collection.createIndex({ minhashBands: 1 });
  }

  /** Earlier stories sharing an LSH band with this signature (other articles only). */
  async candidatesSharingBands(articleId: string, bands: string[]): Promise<Array<Pick<AcceptedArticle, 'articleId' | 'minhash' | 'storyClusterId'>>> {
    return this.collection
      .find({ minhashBands: { $in: bands }, articleId: { $ne: articleId } }, { projection: { articleId: 1, minhash: 1, storyClusterId: 1 } })
      .limit(50)
      .toArray();
  }

  async latest(articleId: string): Promise<AcceptedArticle | null> {
    return this.collection.find({ articleId }).sort({ version: -1 }).limit(1).next();
  }

  /** Stores the article as version 1, as the next version when its content changed, or reports a duplicate. */
  async accept(article: Article, correlationId: string, nearDuplicates: NearDuplicateKeys): Promise<{ outcome: AcceptOutcome; record: AcceptedArticle }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const latest = await this.latest(article.id);
      if (latest?.contentHash === article.contentHash) return { outcome: 'duplicate', record: latest };
      const version = (latest?.version ?? 0) + 1;
      // Versions stay in the story cluster of their first version.
      const storyClusterId = latest?.storyClusterId ?? nearDuplicates.similarCluster ?? article.id;
      const record: AcceptedArticle = {
        _id: `${article.id}:${version}`,
        articleId: article.id,
        version,
        contentHash: article.contentHash,
        article: { ...article, version, storyClusterId },
        published: false,
        correlationId,
        acceptedAt: new Date(),
        minhash: nearDuplicates.minhash,
        minhashBands: nearDuplicates.minhashBands,
        storyClusterId,
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
