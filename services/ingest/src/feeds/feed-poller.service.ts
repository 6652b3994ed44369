import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { counter } from '@newsflow/platform';
import { randomUUID } from 'node:crypto';
import { InputProblem } from '../articles/formats/input-problem';
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
      let outcome: ItemsOutcome = { taken: feed.lastItemCount ?? 0, refused: feed.lastRefusedCount ?? 0, lastRefusal: feed.lastRefusal };
      if (!fetched.notModified) {
        const parsed = parseFeed(fetched.body ?? '', feed.url);
        outcome = await this.submitItems(source, parsed.items);
      }
      polls.inc({ outcome: fetched.notModified ? 'not-modified' : 'fetched' });
      await this.sources.update(source._id, {
        feed: { ...feed, etag: fetched.etag, lastModified: fetched.lastModified, lastPolledAt: new Date(), consecutiveFailures: 0,
          lastError: undefined, lastItemCount: outcome.taken, lastRefusedCount: outcome.refused, lastRefusal: outcome.lastRefusal,
          nextPollAt: new Date(Date.now() + nextPollDelayMs(feed.intervalSeconds, 0)) },
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

  /**
   * Each item on its own: a bad item is refused (counted, and the last refusal kept on the source),
   * the others go through. An item that could not be handed on (Kafka or the store away) fails the
   * poll once every item was tried: the feed's validators are then not kept, so the next poll reads
   * it whole again and sends that item on. Kept, a 304 would have left it stored but never published.
   */
  private async submitItems(source: Source, items: ReturnType<typeof parseFeed>['items']): Promise<ItemsOutcome> {
    const correlationId = randomUUID();
    const outcome: ItemsOutcome = { taken: 0, refused: 0 };
    const notHandedOn: string[] = [];
    for (const draft of items) {
      try {
        const article = normalizeDraft(draft, source._id, new Date());
        const result = await this.submitArticle.submit(article, { correlationId });
        feedItems.inc({ outcome: result.outcome });
        outcome.taken += 1;
      } catch (error) {
        const item = draft.sourceItemId ?? '(no id)';
        if (error instanceof InputProblem) {
          feedItems.inc({ outcome: 'refused' });
          outcome.refused += 1;
          outcome.lastRefusal = `${item.slice(0, 200)}: ${error.message}`;
          this.logger.warn({ msg: 'feed item refused', sourceId: source._id, item, error: error.message });
        } else {
          feedItems.inc({ outcome: 'not-handed-on' });
          notHandedOn.push(`${item.slice(0, 200)} (${error instanceof Error ? error.message : String(error)})`);
        }
      }
    }
    if (notHandedOn.length > 0) {
      throw new Error(`${notHandedOn.length} of ${items.length} items could not be handed on, so the feed is read again in full next time: ${notHandedOn.slice(0, 3).join('; ')}`);
    }
    return outcome;
  }
}

interface ItemsOutcome {
  /** Items accepted, new or as duplicates. */
  taken: number;
  /** Items refused as invalid; they stay refused until the feed changes them. */
  refused: number;
  lastRefusal?: string;
}
