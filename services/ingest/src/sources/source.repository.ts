import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { MONGO_CONNECTION } from '@newsflow/platform';
import { Collection, Connection } from 'mongoose';

export interface FeedState {
  url: string;
  intervalSeconds: number;
  etag?: string;
  lastModified?: string;
  lastPolledAt?: Date;
  nextPollAt: Date;
  consecutiveFailures: number;
  lastError?: string;
  /** Items of the last poll that read the feed, accepted as new or as duplicates. */
  lastItemCount?: number;
  /** Items of that poll refused as invalid, and why the last of them was. */
  lastRefusedCount?: number;
  lastRefusal?: string;
  /** Items of that poll skipped because an operator took their article down (not refusals: the feed is fine). */
  lastTakenDownCount?: number;
  /** Items of the last poll left for the next one, past FEED_MAX_ITEMS_PER_POLL new or changed items. */
  lastDeferredCount?: number;
  /** The feed answered 410 Gone: not polled until the source is enabled again. */
  gone?: boolean;
}

/** A wire desk or feed allowed to submit; its API key exists only as a hash. */
export interface Source {
  _id: string;
  name: string;
  keyHash: string;
  /** First characters of the key, so operators can tell keys apart without seeing them. */
  keyPrefix: string;
  disabled: boolean;
  rateLimitPerMinute: number;
  /**
   * The desk's IANA zone (Europe/Paris): its times without a UTC offset are wall-clock times there.
   * Without one they are UTC, and an embargo without an offset is refused.
   */
  timeZone?: string;
  feed?: FeedState;
  createdAt: Date;
  updatedAt: Date;
}

@Injectable()
export class SourceRepository implements OnModuleInit {
  private readonly collection: Collection<Source>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.collection = connection.collection<Source>('ingest_sources');
  }

  async onModuleInit(): Promise<void> {
    await this.collection.createIndex({ keyHash: 1 }, { unique: true });
  }

  /** Returns false when a source with this id exists already. */
  async create(source: Source): Promise<boolean> {
    try {
      await this.collection.insertOne(source);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  findById(id: string): Promise<Source | null> {
    return this.collection.findOne({ _id: id });
  }

  findByKeyHash(keyHash: string): Promise<Source | null> {
    return this.collection.findOne({ keyHash });
  }

  list(): Promise<Source[]> {
    return this.collection.find({}).sort({ _id: 1 }).toArray();
  }

  /** `unset`: settings removed, e.g. `feed` (the source becomes push-only) or `timeZone`. */
  async update(id: string, changes: Partial<Omit<Source, '_id'>>, unset: ReadonlyArray<'feed' | 'timeZone'> = []): Promise<Source | null> {
    const removed = Object.fromEntries(unset.map((key) => [key, '' as const]));
    const result = await this.collection.updateOne({ _id: id }, { $set: { ...changes, updatedAt: new Date() }, ...(unset.length > 0 ? { $unset: removed } : {}) });
    return result.matchedCount === 1 ? this.findById(id) : null;
  }

  /** Feeds whose next poll is due; each poller instance then claims one with `claimFeed`. */
  dueFeeds(now: Date): Promise<Source[]> {
    return this.collection.find({ disabled: false, 'feed.gone': { $ne: true }, 'feed.nextPollAt': { $lte: now } }).limit(50).toArray();
  }

  /**
   * Drops the feed's validators, so its next poll reads it whole (no 304) and submits every item it
   * lists again: those handled already are duplicates. False when the source has no feed.
   */
  async rereadFeedInFull(id: string): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: id, feed: { $exists: true } }, { $unset: { 'feed.etag': '', 'feed.lastModified': '' } });
    return result.matchedCount === 1;
  }

  /**
   * A poll's outcome, written only while its lease still holds (nextPollAt is the lease's end): a
   * feed changed meanwhile through the admin API, or taken over, keeps what was written since.
   */
  async finishPoll(id: string, leaseUntil: Date, feed: FeedState): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: id, 'feed.nextPollAt': leaseUntil }, { $set: { feed, updatedAt: new Date() } });
    return result.matchedCount === 1;
  }

  /**
   * Moves nextPollAt forward only if it still has the value this instance saw, so one instance polls.
   * Also renews a lease: the value seen is then the lease's end.
   */
  async claimFeed(id: string, seenNextPollAt: Date, leaseUntil: Date): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: id, 'feed.nextPollAt': seenNextPollAt },
      { $set: { 'feed.nextPollAt': leaseUntil } },
    );
    return result.modifiedCount === 1;
  }
}
