import { Inject, Injectable, Optional } from '@nestjs/common';
import { Article } from '@newsflow/contracts';
import { InsertCoalescer, MONGO_CONNECTION, MONGO_INSERT_LINGER_MS } from '@newsflow/platform';
import { Collection, Connection } from 'mongoose';
import { presentationHashOf } from './article-identity';
import { InputProblem } from './formats/input-problem';

/**
 * One immutable document per article version, `_id` = `<articleId>:<version>`. Claiming a version is
 * an insert, and the primary key makes it atomic on MongoDB and FerretDB alike (FerretDB's updates are
 * no compare-and-set). Every hot-path read is by `_id`: FerretDB 1.24 on SQLite uses no secondary
 * index, so any other filter scans the whole collection.
 */
export interface AcceptedArticle {
  _id: string;
  articleId: string;
  version: number;
  contentHash: string;
  /** See presentationHashOf; absent on versions stored before it, whose stored article is then hashed when compared. */
  presentationHash?: string;
  article: Article;
  /**
   * False as stored; `accept` sets it from `ingest_article_publications` when it returns a duplicate.
   * An unpublished version is re-sent on resubmission.
   */
  published: boolean;
  correlationId: string;
  acceptedAt: Date;
  storyClusterId: string;
}

/**
 * A hint to the latest version, `_id` = article id; versions are probed forward from it, so a stale
 * hint costs a lookup, not correctness. Written from version 2 on: without one, the probe starts at
 * version 1, so most articles (never corrected) cost no head insert, and the collection stays small,
 * which keeps FerretDB's scan for an absent head short.
 */
interface ArticleHead {
  _id: string;
  version: number;
}

/**
 * `_id` = `<articleId>:<version>`, present once the broker acknowledged that version's received event:
 * also the status's `received` step (see ArticleStatusRepository), so accepting costs one insert fewer.
 */
export interface Publication {
  _id: string;
  publishedAt: Date;
  /** Of the submission that published it; absent on publications written before it was kept here. */
  correlationId?: string;
}

export type AcceptOutcome = 'new' | 'new-version' | 'duplicate';

export interface AcceptOptions {
  /**
   * The version states no first-created time of its own (a correction carrying only its version time):
   * it keeps the publishedAt of the version stored before it, when there is one, since a correction
   * is not a new story (without, the story left its publication day's searches and weather).
   */
  inheritsPublishedAt?: boolean;
}

const MAX_ATTEMPTS = 20;

@Injectable()
export class ArticleRepository {
  private readonly versions: Collection<AcceptedArticle>;
  private readonly heads: Collection<ArticleHead>;
  private readonly publications: Collection<Publication>;
  // Concurrent submissions' inserts go out as one insertMany per collection; false = the `_id` was taken.
  private readonly versionInserts: InsertCoalescer<AcceptedArticle>;
  private readonly headInserts: InsertCoalescer<ArticleHead>;
  private readonly publicationInserts: InsertCoalescer<Publication>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, @Optional() @Inject(MONGO_INSERT_LINGER_MS) lingerMs = 0) {
    this.versions = connection.collection<AcceptedArticle>('ingest_articles');
    this.heads = connection.collection<ArticleHead>('ingest_article_heads');
    this.publications = connection.collection<Publication>('ingest_article_publications');
    this.versionInserts = new InsertCoalescer(this.versions, { lingerMs });
    this.headInserts = new InsertCoalescer(this.heads, { lingerMs });
    this.publicationInserts = new InsertCoalescer(this.publications, { lingerMs });
  }

  findVersion(articleId: string, version: number): Promise<AcceptedArticle | null> {
    return this.versions.findOne({ _id: `${articleId}:${version}` });
  }

  async latest(articleId: string): Promise<AcceptedArticle | null> {
    const head = await this.heads.findOne({ _id: articleId });
    let latest = head ? await this.findVersion(articleId, head.version) : null;
    for (let next = await this.findVersion(articleId, (latest?.version ?? 0) + 1); next; next = await this.findVersion(articleId, next.version + 1)) {
      latest = next;
    }
    return latest;
  }

  /**
   * Stores the article as version 1, as the next version when its content changed, or reports a
   * duplicate. Every step is an insert that claims a version or an `_id` read of one that exists:
   * FerretDB 1.24 answers a lookup that finds nothing, and any update, by scanning the collection, so
   * a brand-new article costs one insert (its version; no head until version 2), and a resubmission
   * reads the head's hint, if any, and what it names.
   * `storyClusterOf` is asked once, and only while no version is known; versions keep their cluster.
   */
  async accept(
    sent: Article,
    correlationId: string,
    storyClusterOf: () => Promise<string>,
    options: AcceptOptions = {},
  ): Promise<{ outcome: AcceptOutcome; record: AcceptedArticle }> {
    let latest: AcceptedArticle | null = null;
    let firstCluster: string | undefined;
    const presentation = presentationHashOf(sent);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (latest && isSameVersion(latest, sent, presentation)) return { outcome: 'duplicate', record: await this.withPublication(latest) };
      if (latest) refuseIfOlder(sent, latest);
      const article: Article = latest && options.inheritsPublishedAt ? { ...sent, publishedAt: latest.article.publishedAt } : sent;
      const version: number = (latest?.version ?? 0) + 1;
      const storyClusterId = latest?.storyClusterId ?? (firstCluster ??= await storyClusterOf());
      const record: AcceptedArticle = {
        _id: `${article.id}:${version}`,
        articleId: article.id,
        version,
        contentHash: article.contentHash,
        presentationHash: presentation,
        article: { ...article, version, storyClusterId },
        published: false,
        correlationId,
        acceptedAt: new Date(),
        storyClusterId,
      };
      if (await this.versionInserts.insert(record)) {
        if (version > 1) await this.advanceHead(article.id, version);
        return { outcome: latest ? 'new-version' : 'new', record };
      }
      // That version is taken (an earlier submission, or a concurrent one): read it, or for version 1
      // jump ahead to the head's hint; either read finds a document.
      const taken: AcceptedArticle | null = version === 1 ? await this.fromHead(article.id) : await this.findVersion(article.id, version);
      if (!taken) throw new Error(`article ${article.id}: version ${version} is claimed but cannot be read`);
      latest = taken;
    }
    throw new Error(`article ${sent.id}: too many concurrent submissions`);
  }

  /** Recorded as an insert into its own collection: an update would make FerretDB scan every version. */
  async markPublished(articleId: string, version: number, correlationId: string): Promise<void> {
    await this.publicationInserts.insert({ _id: `${articleId}:${version}`, publishedAt: new Date(), correlationId });
  }

  publication(articleId: string, version: number): Promise<Publication | null> {
    return this.publications.findOne({ _id: `${articleId}:${version}` });
  }

  /** Only duplicates ask, and nearly all of them were published: the lookup finds its document. */
  private async withPublication(record: AcceptedArticle): Promise<AcceptedArticle> {
    if (record.published) return record;
    const published = (await this.publications.findOne({ _id: record._id })) !== null;
    return { ...record, published };
  }

  private async fromHead(articleId: string): Promise<AcceptedArticle | null> {
    const head = await this.heads.findOne({ _id: articleId });
    return this.findVersion(articleId, head?.version ?? 1);
  }

  /**
   * Insert first, and move an existing head forward only: an upsert whose filter matches nothing (every
   * new article) makes FerretDB 1.24 scan the whole collection, ~22 ms per 1,000 heads (bench/README.md).
   */
  private async advanceHead(articleId: string, version: number): Promise<void> {
    if (await this.headInserts.insert({ _id: articleId, version })) return;
    // Matches nothing when the head is already at this version or later, which is fine: it only moves forward.
    await this.heads.updateOne({ _id: articleId, version: { $lt: version } }, { $set: { version } });
  }
}

/**
 * A desk's retry of an earlier version, arriving after its correction, must not become the newest
 * version (the index would serve the uncorrected story). Only when both carry `updatedAt` can it be
 * told; without, a change is a new version as before. A kill (`canceled`) is never refused: one
 * version stamped ahead of the clock must not keep a desk from withdrawing its story.
 */
function refuseIfOlder(article: Article, latest: AcceptedArticle): void {
  if (article.pubStatus === 'canceled') return;
  const sent = article.updatedAt ? Date.parse(article.updatedAt) : Number.NaN;
  const stored = latest.article.updatedAt ? Date.parse(latest.article.updatedAt) : Number.NaN;
  if (sent < stored) {
    throw new InputProblem(409, 'stale-version',
      `updatedAt ${article.updatedAt} is older than that of version ${latest.version} (${latest.article.updatedAt}), already accepted; the newer version stands`, 'updatedAt');
  }
}

/**
 * A version stored before presentation hashes existed is compared by the hash of its stored article:
 * taking it as unchanged lost every summary, byline, link or media correction of a story accepted
 * before an upgrade (answered 200 duplicate).
 */
function isSameVersion(latest: AcceptedArticle, article: Article, presentation: string): boolean {
  return latest.contentHash === article.contentHash && (latest.presentationHash ?? presentationHashOf(latest.article)) === presentation;
}
