import { createHash } from 'node:crypto';

/** Items per feed whose refusal is remembered; past it the oldest is forgotten (and may be logged once more). */
export const MAX_REMEMBERED_REFUSALS_PER_FEED = 1_000;
/** Feeds remembered; past it the feed logged least recently is forgotten. */
export const MAX_REMEMBERED_FEEDS = 1_000;

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Which refused feed items this instance has logged, so a feed that keeps listing a bad item is
 * logged once, not at every poll: item ids are often the story's URL, and that often carries a
 * person's name. Keyed by item and remembered with the item's content and the refusal's rule, so a
 * changed item, or another reason, is logged again; an item the feed no longer lists, or that was
 * accepted, is forgotten. Only digests are held, and at most a bounded number of them.
 */
export class FeedRefusalsLogged {
  private readonly feeds = new Map<string, Map<string, string>>();

  /** True when this refusal of this item, as it is now, was not logged yet; remembers it. */
  first(sourceId: string, item: FeedItemRefusal): boolean {
    const key = digest(item.itemId);
    const seen = digest(`${item.reason}\n${item.content}`);
    const feed = this.feed(sourceId);
    if (feed.get(key) === seen) return false;
    feed.delete(key);
    feed.set(key, seen);
    if (feed.size > MAX_REMEMBERED_REFUSALS_PER_FEED) feed.delete(feed.keys().next().value as string);
    return true;
  }

  /** The item was accepted: a later refusal of it is news. */
  forget(sourceId: string, itemId: string): void {
    this.feeds.get(sourceId)?.delete(digest(itemId));
  }

  /** After a poll that read the whole feed: forgets the items it no longer lists. */
  keepOnly(sourceId: string, listedItemIds: Iterable<string>): void {
    const feed = this.feeds.get(sourceId);
    if (!feed) return;
    const listed = new Set([...listedItemIds].map(digest));
    for (const key of feed.keys()) if (!listed.has(key)) feed.delete(key);
    if (feed.size === 0) this.feeds.delete(sourceId);
  }

  /** Items remembered for a feed (for tests and bounds). */
  size(sourceId: string): number {
    return this.feeds.get(sourceId)?.size ?? 0;
  }

  private feed(sourceId: string): Map<string, string> {
    let feed = this.feeds.get(sourceId);
    if (feed) this.feeds.delete(sourceId);
    else feed = new Map();
    this.feeds.set(sourceId, feed);
    if (this.feeds.size > MAX_REMEMBERED_FEEDS) this.feeds.delete(this.feeds.keys().next().value as string);
    return feed;
  }
}

export interface FeedItemRefusal {
  /** The item's id, or something standing for it when it has none. */
  itemId: string;
  /** What was wrong: the refusal's rule and field, not its message, which may carry the time of the poll. */
  reason: string;
  /** The item as the feed lists it now, so a changed item is logged again. */
  content: string;
}
