import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { counter } from '@newsflow/platform';
import { randomUUID } from 'node:crypto';
import { normalizeDraft } from '../articles/formats/normalize-draft';
import { SubmitArticleService } from '../articles/submit-article/submit-article.service';
import { INGEST_CONFIG, IngestConfig } from '../config/ingest.config';
import { Source, SourceRepository } from '../sources/source.repository';
import { nextPollDelayMs } from './feed-backoff';
import { fetchFeed } from './feed-fetcher';
import { parseFeed } from './feed-parser';

const polls = counter('newsflow_feed_polls_total', 'Feed polls by outcome', ['outcome']);
const feedItems = counter('newsflow_feed_items_total', 'Feed items by outcome', ['outcome']);

/**
 * Polls registered feeds when due. Several ingest instances may run: each feed is claimed with a
 * compare-and-set on its next-poll time, so one instance polls it per round.
 */
@Injectable()
export class FeedPollerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FeedPollerService.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly sources: SourceRepository,
    private readonly submitArticle: SubmitArticleService,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.FEED_SCHEDULER_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(now = new Date()): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const source of await this.sources.dueFeeds(now)) {
        const feed = source.feed;
        if (!feed) continue;
        const lease = new Date(now.getTime() + this.config.FEED_FETCH_TIMEOUT_MS * 4);
        if (await this.sources.claimFeed(source._id, feed.nextPollAt, lease)) await this.poll(source);
      }
    } catch (error) {
      this.logger.warn({ msg: 'feed scheduling failed; retrying next tick', error: String(error) });
    } finally {
      this.running = false;
    }
  }

  private async poll(source: Source): Promise<void> {
    const feed = source.feed as NonNullable<Source['feed']>;
    try {
      const fetched = await fetchFeed(feed.url, feed, this.config.FEED_FETCH_TIMEOUT_MS);
      let itemCount = 0;
      if (!fetched.notModified) {
        const parsed = parseFeed(fetched.body ?? '');
        itemCount = parsed.items.length;
        await this.submitItems(source, parsed.items);
      }
      polls.inc({ outcome: fetched.notModified ? 'not-modified' : 'fetched' });
      await this.sources.update(source._id, {
        feed: { ...feed, etag: fetched.etag, lastModified: fetched.lastModified, lastPolledAt: new Date(), consecutiveFailures: 0,
          lastError: undefined, lastItemCount: itemCount, nextPollAt: new Date(Date.now() + nextPollDelayMs(feed.intervalSeconds, 0)) },
      });
    } catch (error) {
      polls.inc({ outcome: 'failed' });
      const failures = feed.consecutiveFailures + 1;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ msg: 'feed poll failed; backing off', sourceId: source._id, failures, error: message });
      await this.sources.update(source._id, {
        feed: { ...feed, lastPolledAt: new Date(), consecutiveFailures: failures, lastError: message,
          nextPollAt: new Date(Date.now() + nextPollDelayMs(feed.intervalSeconds, failures)) },
      });
    }
  }

  /** Each item on its own: one bad item is logged and skipped, the others go through. */
  private async submitItems(source: Source, items: ReturnType<typeof parseFeed>['items']): Promise<void> {
    const correlationId = randomUUID();
    for (const draft of items) {
      try {
        const article = normalizeDraft(draft, source._id, new Date());
        const result = await this.submitArticle.submit(article, { correlationId });
        feedItems.inc({ outcome: result.outcome });
      } catch (error) {
        feedItems.inc({ outcome: 'refused' });
        this.logger.warn({ msg: 'feed item refused', sourceId: source._id, item: draft.sourceItemId, error: String(error) });
      }
    }
  }
}
