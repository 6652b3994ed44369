import { Inject, Injectable, Logger } from '@nestjs/common';
import { Article, TOPICS } from '@newsflow/contracts';
import { EventPublisher } from '@newsflow/messaging';
import { counter, KeyedSerialQueue, withTimeout } from '@newsflow/platform';
import { INGEST_CONFIG, IngestConfig } from '../../config/ingest.config';
import { AcceptOutcome, ArticleRepository } from '../article.repository';
import { StoryClusterFinder } from '../story-clusters/story-cluster.finder';
import { ArticleTakenDown } from '../takedowns/article-taken-down.error';
import { CopyTakenDown } from '../takedowns/copy-taken-down.error';
import { TakedownList } from '../takedowns/takedown-list';
import { PipelineUnavailable } from './pipeline-unavailable.error';

const takenDownRefused = counter('newsflow_ingest_taken_down_refused_total', 'Submissions refused (451) because an operator took the article down');
const takenDownCopyRefused = counter('newsflow_ingest_taken_down_copy_refused_total',
  'Submissions of other articles refused (451) because they carry the copy of an article an operator took down');
const unconfirmed = counter('newsflow_ingest_publish_unconfirmed_total', 'Stories ingest answered 503 for because Kafka did not acknowledge them in PUBLISH_TIMEOUT_MS', ['topic']);

export interface SubmitResult {
  id: string;
  version: number;
  outcome: AcceptOutcome;
  storyClusterId: string;
}

export interface RequestContext {
  correlationId: string;
  traceparent?: string;
}

export interface SubmitOptions {
  /** Only the operator's own kill of a taken-down article passes the takedown list. */
  operatorKill?: boolean;
  /** See AcceptOptions: the version states no first-created time, so it keeps the stored one's publishedAt. */
  inheritsPublishedAt?: boolean;
}

/**
 * Accepts a story only once it is stored and the broker acknowledged the received event, so a
 * 202 is never handed out for a story that could still be lost.
 */
@Injectable()
export class SubmitArticleService {
  private readonly logger = new Logger(SubmitArticleService.name);
  /**
   * Versions of one article sent at once are accepted one after another within this instance: each
   * then claims its version at the first try, where racing they lost a claim round to every earlier
   * one (20 at once: the last answered after 30–98 s). Across instances the insert claim still decides.
   */
  private readonly acceptsInOrder = new KeyedSerialQueue();

  constructor(
    private readonly articles: ArticleRepository,
    private readonly publisher: EventPublisher,
    private readonly clusters: StoryClusterFinder,
    private readonly takedowns: TakedownList,
    @Inject(INGEST_CONFIG) private readonly config: Pick<IngestConfig, 'PUBLISH_TIMEOUT_MS'>,
  ) {}

  async submit(article: Article, context: RequestContext, options: SubmitOptions = {}): Promise<SubmitResult> {
    // Before anything is stored: every route and format (single, batch, feed) comes through here.
    const takedown = options.operatorKill ? undefined : this.takedowns.find(article.id);
    if (takedown) {
      takenDownRefused.inc();
      if (this.takedowns.firstRefusal(article.id)) {
        this.logger.log({ msg: 'submission of a taken-down article refused; later ones are not logged', articleId: article.id,
          sourceId: article.source.id, takenDownAt: takedown.takenDownAt, correlationId: context.correlationId });
      }
      throw new ArticleTakenDown(takedown);
    }
    // The copy under another id (a reissue, another source, invisible changes). A kill passes: a desk
    // must still be able to withdraw a copy it sent before the takedown.
    const copyOf = options.operatorKill || article.pubStatus === 'canceled' ? undefined : this.takedowns.findCopy(article);
    if (copyOf) {
      takenDownCopyRefused.inc();
      if (this.takedowns.firstRefusal(copyOf._id, 'copy')) {
        this.logger.log({ msg: 'submission of a taken-down article\'s copy under another id refused; later ones are not logged', articleId: article.id,
          takenDownArticleId: copyOf._id, sourceId: article.source.id, sourceItemId: article.sourceItemId, takenDownAt: copyOf.takenDownAt, correlationId: context.correlationId });
      }
      throw new CopyTakenDown(copyOf);
    }
    const { outcome, record } = await this.acceptsInOrder.run(article.id, () =>
      this.articles.accept(article, context.correlationId, () => this.clusters.clusterFor(article), { inheritsPublishedAt: options.inheritsPublishedAt }));
    const result = { id: record.articleId, version: record.version, outcome, storyClusterId: record.storyClusterId };
    if (outcome === 'duplicate' && record.published) return result;

    const publishing = this.publisher.publish(TOPICS.articleReceived, { article: record.article }, context);
    try {
      // Bounded: with the broker away, the desk gets a prompt 503 instead of a hanging request.
      await withTimeout(publishing, this.config.PUBLISH_TIMEOUT_MS, 'the Kafka acknowledgement');
    } catch (error) {
      // Stored but not confirmed: the same submission again re-sends it (see `published`). The send
      // itself keeps retrying, and may be acknowledged later: that is recorded too, so the status
      // shows the story and a resubmission is answered as the duplicate it then is.
      unconfirmed.inc({ topic: TOPICS.articleReceived });
      this.logger.error({ msg: 'kafka did not acknowledge the received event', articleId: record.articleId, error: String(error) });
      publishing.then(() => this.articles.markPublished(record.articleId, record.version, context.correlationId)).catch(() => undefined);
      throw new PipelineUnavailable();
    }
    await this.articles.markPublished(record.articleId, record.version, context.correlationId);
    this.logger.log({ msg: 'article accepted', articleId: record.articleId, version: record.version, outcome, correlationId: context.correlationId });
    return result;
  }
}
