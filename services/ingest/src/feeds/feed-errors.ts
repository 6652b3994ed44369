/**
 * Why a poll could not read the feed. `rule` names the cause for logs and metrics; the message is
 * what the admin API shows as the feed's lastError, so it never carries the URL (which may hold
 * credentials) or a connection error from an address that was refused.
 */
export class FeedFetchError extends Error {
  constructor(
    readonly rule: string,
    message: string,
    /** The server's Retry-After (429, 503), in ms from now. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

/** 410 Gone: the publisher withdrew the feed for good, so it is not polled again until an operator says so. */
export class FeedGone extends FeedFetchError {
  constructor() {
    super('feed-gone', 'the feed answered HTTP 410 Gone; polling stopped until the source is enabled again');
    this.name = 'FeedGone';
  }
}
