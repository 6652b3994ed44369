import { serviceVersion } from '@newsflow/messaging';
import { join } from 'node:path';
import { IngestConfig } from '../config/ingest.config';
import { FeedFetchPolicy } from './feed-fetcher';

const MAX_FEED_BYTES = 10 * 1024 * 1024;

/** Tests only: parts of the fetch policy to replace, such as the address check (see pinned-agent.ts). */
export const FEED_FETCH_OVERRIDES = Symbol('FEED_FETCH_OVERRIDES');

/** Publishers identify and rate-limit pollers by User-Agent; this names the service, its version and where to read about it. */
export function defaultFeedUserAgent(): string {
  return `newsflow-ingest/${serviceVersion(join(__dirname, '..'))} (+https://github.com/newsflow)`;
}

export function feedFetchPolicy(config: IngestConfig): FeedFetchPolicy {
  return {
    timeoutMs: config.FEED_FETCH_TIMEOUT_MS,
    maxBytes: MAX_FEED_BYTES,
    userAgent: config.FEED_USER_AGENT ?? defaultFeedUserAgent(),
    allowPrivateNetworks: config.FEED_ALLOW_PRIVATE_NETWORKS,
  };
}
