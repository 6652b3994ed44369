import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { counter } from '@newsflow/platform';
import { randomUUID } from 'node:crypto';
import { InputProblem } from '../articles/formats/input-problem';
import { normalizeSubmission } from '../articles/formats/normalize-draft';
import { runInKeyOrder } from '../articles/submit-article/run-in-key-order';
import { ArticleTakenDown } from '../articles/takedowns/article-taken-down.error';
import { SubmitArticleService } from '../articles/submit-article/submit-article.service';
import { INGEST_CONFIG, IngestConfig } from '../config/ingest.config';
import { FeedState, Source, SourceRepository } from '../sources/source.repository';
import { failureDelayMs, withJitter } from './feed-backoff';
import { FeedFetchError, FeedGone } from './feed-errors';
import { FEED_FETCH_OVERRIDES, feedFetchPolicy } from './feed-fetch-policy';
import { FeedFetchPolicy, fetchFeed } from './feed-fetcher';
import { FeedLease, FeedLeaseLost } from './feed-lease';
import { parseFeed } from './feed-parser';
import { FeedRefusalsLogged } from './feed-refusals-logged';

const polls = counter('newsflow_feed_polls_total', 'Feed polls by outcome', ['outcome']);
const feedItems = counter('newsflow_feed_items_total', 'Feed items by outcome', ['outcome']);
const undatedItems = counter('newsflow_feed_items_undated_total',
  'New or changed feed items that went with their receive time: their date could not be read (an unknown zone, February 30) or lay ahead');

/** Feeds one instance polls at once: a slow feed no longer holds up every other due feed. */
const POLL_CONCURRENCY = 4;

type FeedItem = ReturnType<typeof parseFeed>['items'][number];
/** An item without an id stands for itself: its content. */
const itemKeyOf = (item: FeedItem) => item.sourceItemId ?? `(no id) ${JSON.stringify(item)}`;

/**
 * Polls registered feeds when due. Several ingest instances may run: each feed is claimed with a
 * compare-and-set on its next-poll time (a lease, renewed while the poll lasts), so one instance
 * polls it per round.
 */
@Injectable()
export class FeedPollerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FeedPollerService.name);
  private readonly fetchPolicy: FeedFetchPolicy;
  private readonly refusalsLogged = new FeedRefusalsLogged();
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly sources: SourceRepository,
    private readonly submitArticle: SubmitArticleService,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Optional() @Inject(FEED_FETCH_OVERRIDES) overrides?: Partial<FeedFetchPolicy>,
  ) {
    this.fetchPolicy = { ...feedFetchPolicy(config), ...overrides };
  }

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
      const due = (await this.sources.dueFeeds(now)).filter((source) => source.feed);
      await runInKeyOrder(due.map((source) => ({ key: source._id, run: () => this.claimAndPoll(source) })), POLL_CONCURRENCY);
    } catch (error) {
      this.logger.warn({ msg: 'feed scheduling failed; retrying next tick', error: String(error) });
    } finally {
      this.running = false;
    }
  }

  private async claimAndPoll(source: Source): Promise<void> {
    const feed = source.feed as FeedState;
    try {
      const lease = await FeedLease.claim(this.sources, source._id, feed.nextPollAt, this.config.FEED_FETCH_TIMEOUT_MS * 4);
      if (lease) await this.poll(source, feed, lease);
    } catch (error) {
      if (error instanceof FeedLeaseLost) {
        polls.inc({ outcome: 'lease-lost' });
        this.logger.warn({ msg: 'feed poll stopped: another instance took the feed over', sourceId: source._id });
        return;
      }
      this.logger.warn({ msg: 'feed poll could not be recorded', sourceId: source._id, error: String(error) });
    }
  }

  private async poll(source: Source, feed: FeedState, lease: FeedLease): Promise<void> {
    const intervalSeconds = Math.max(feed.intervalSeconds, this.config.FEED_MIN_INTERVAL_SECONDS);
    try {
      const fetched = await fetchFeed(feed.url, feed, this.fetchPolicy);
      let outcome: ItemsOutcome = { taken: feed.lastItemCount ?? 0, refused: feed.lastRefusedCount ?? 0, lastRefusal: feed.lastRefusal, takenDown: feed.lastTakenDownCount ?? 0, deferred: 0 };
      if (!fetched.notModified) {
        const { items } = parseFeed(fetched.body ?? '', fetched.url, source.timeZone);
        outcome = await this.submitItems(source, items, lease);
        this.refusalsLogged.keepOnly(source._id, items.map(itemKeyOf));
      }
      if (fetched.movedTo) this.logger.log({ msg: 'feed moved permanently; polling its new address from now on', sourceId: source._id });
      polls.inc({ outcome: fetched.notModified ? 'not-modified' : 'fetched' });
      // Items were left over: no validators, so the next poll reads the feed again instead of a 304.
      const validators = outcome.deferred > 0 ? { etag: undefined, lastModified: undefined } : { etag: fetched.etag, lastModified: fetched.lastModified };
      await this.finish(source, lease, { ...feed, url: fetched.movedTo ?? feed.url, ...validators, lastPolledAt: new Date(), consecutiveFailures: 0,
        lastError: undefined, lastItemCount: outcome.taken, lastRefusedCount: outcome.refused, lastRefusal: outcome.lastRefusal,
        lastTakenDownCount: outcome.takenDown, lastDeferredCount: outcome.deferred,
        nextPollAt: new Date(Date.now() + withJitter(intervalSeconds * 1000)) });
    } catch (error) {
      if (error instanceof FeedLeaseLost) throw error;
      const failures = feed.consecutiveFailures + 1;
      const message = error instanceof Error ? error.message : String(error);
      const gone = error instanceof FeedGone;
      polls.inc({ outcome: gone ? 'gone' : 'failed' });
      this.logger.warn({ msg: gone ? 'feed gone; polling stopped' : 'feed poll failed; backing off', sourceId: source._id, failures,
        rule: error instanceof FeedFetchError ? error.rule : undefined, error: message });
      const retryAfterMs = error instanceof FeedFetchError ? error.retryAfterMs : undefined;
      await this.finish(source, lease, { ...feed, lastPolledAt: new Date(), consecutiveFailures: failures, lastError: message, ...(gone ? { gone: true } : {}),
        nextPollAt: new Date(Date.now() + failureDelayMs(intervalSeconds, failures, retryAfterMs)) });
    }
  }

  /** A feed re-pointed through the admin API while it was polled keeps its new address and state. */
  private async finish(source: Source, lease: FeedLease, feed: FeedState): Promise<void> {
    if (await lease.finish(feed)) return;
    polls.inc({ outcome: 'lease-lost' });
    this.logger.warn({ msg: 'feed changed or taken over during its poll; its outcome is not written', sourceId: source._id });
  }

  /**
   * Each item on its own: a bad item is refused (counted, and the last refusal kept on the source),
   * the others go through. An item that could not be handed on (Kafka or the store away) fails the
   * poll once every item was tried: the feed's validators are then not kept, so the next poll reads
   * it whole again and sends that item on. Kept, a 304 would have left it stored but never published.
   *
   * Past FEED_MAX_ITEMS_PER_POLL new or changed items the rest waits for the next poll, which reads
   * the feed again (no validators are kept): items handled already come back as duplicates, cheap and
   * not counted, and so do refused ones, so the next poll gets further and no item is left behind.
   *
   * An item an operator took down is skipped: not refused (the desk did nothing wrong by listing it,
   * and the feed stays healthy), only counted; the submission logs it once per takedown, not per poll.
   * A refused item is logged once per instance while the feed lists it unchanged (its id is often a
   * URL naming a person); `lastRefusal` on the source says it at every poll.
   */
  private async submitItems(source: Source, items: FeedItem[], lease: FeedLease): Promise<ItemsOutcome> {
    const correlationId = randomUUID();
    const outcome: ItemsOutcome = { taken: 0, refused: 0, takenDown: 0, deferred: 0 };
    const notHandedOn: string[] = [];
    let changed = 0;
    for (const [index, draft] of items.entries()) {
      if (changed >= this.config.FEED_MAX_ITEMS_PER_POLL) {
        outcome.deferred = items.length - index;
        break;
      }
      await lease.keep();
      try {
        const { article, inheritsPublishedAt } = normalizeSubmission(draft, source._id, new Date(), { timeZone: source.timeZone });
        const result = await this.submitArticle.submit(article, { correlationId }, { inheritsPublishedAt });
        feedItems.inc({ outcome: result.outcome });
        // Once per new item or version, not on every poll that finds it again.
        if (draft.timeNotes && result.outcome !== 'duplicate') {
          undatedItems.inc();
          this.logger.warn({ msg: 'feed item kept with its receive time', sourceId: source._id, item: draft.sourceItemId, dates: draft.timeNotes });
        }
        outcome.taken += 1;
        if (result.outcome !== 'duplicate') changed += 1;
        this.refusalsLogged.forget(source._id, itemKeyOf(draft));
      } catch (error) {
        const item = draft.sourceItemId ?? '(no id)';
        if (error instanceof ArticleTakenDown) {
          feedItems.inc({ outcome: 'taken-down' });
          outcome.takenDown += 1;
        } else if (error instanceof InputProblem) {
          feedItems.inc({ outcome: 'refused' });
          outcome.refused += 1;
          outcome.lastRefusal = `${item.slice(0, 200)}: ${error.message}`;
          if (this.refusalsLogged.first(source._id, { itemId: itemKeyOf(draft), reason: `${error.rule} ${error.field ?? ''}`, content: JSON.stringify(draft) })) {
            this.logger.warn({ msg: 'feed item refused', sourceId: source._id, item: item.slice(0, 200), error: error.message });
          }
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
  /** Items skipped because an operator took their article down. */
  takenDown: number;
  /** Items left for the next poll. */
  deferred: number;
}
