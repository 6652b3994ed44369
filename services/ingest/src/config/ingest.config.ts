import { commonConfigShape, loadConfig, readApiKeysSetting } from '@newsflow/platform';
import { z } from 'zod';

export const IngestConfigSchema = z.object({
  ...commonConfigShape,
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8081),
  HTTP_HOST: z.string().default('0.0.0.0'),
  KAFKA_GROUP_ID: z.string().default('newsflow-ingest'),
  /**
   * Ingest consumes only to record status steps, which nobody waits on per hop: its fetches gather up
   * to 1 MB for up to 1 s instead of one 10–20 KB event each, which spares the broker and ingest a
   * fetch, an offset commit and a status insert round trip per event (bench/README.md). A status is
   * at most that much late; a shorter wait costs the broker more while idle (250 ms: 3 % of a core).
   */
  KAFKA_FETCH_WAIT_MS: z.coerce.number().int().min(0).max(10000).default(1000),
  KAFKA_FETCH_MIN_BYTES: z.coerce.number().int().min(1).max(64 * 1024 * 1024).default(1024 * 1024),
  /** Larger bodies are refused with 413 before they are read into memory. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
  MAX_BATCH_ITEMS: z.coerce.number().int().min(1).max(10_000).default(100),
  /**
   * Request bytes of submissions one instance holds at once; past it new ones get 503 + Retry-After
   * before their body is read. 32 MB is ~6,000 typical stories or 16 of the largest batches, well
   * inside the 256 MB heap the service runs with.
   */
  SUBMISSION_BUDGET_BYTES: z.coerce.number().int().min(1024).default(32 * 1024 * 1024),
  /**
   * The fraction of SUBMISSION_BUDGET_BYTES one source may hold: past it that source's submissions get
   * 503 busy while other desks' still go in (one desk's 24 parallel gzipped uploads once shed 84 % of
   * another desk's stories). A source with nothing in progress is always let in.
   */
  SUBMISSION_SOURCE_SHARE: z.coerce.number().gt(0).max(1).default(0.5),
  /**
   * An upload bringing fewer than this many bytes a second over any SUBMISSION_STALL_WINDOW_MS is cut off
   * with 408: it holds its share of the budget, and 17 uploads sending a byte a second held all of it.
   */
  SUBMISSION_MIN_BYTES_PER_SECOND: z.coerce.number().int().min(1).default(1024),
  SUBMISSION_STALL_WINDOW_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * Bodies of at least SUBMISSION_LARGE_BODY_BYTES are handled at most SUBMISSION_LARGE_AT_ONCE at a time
   * (the others wait, read, in arrival order): handling costs 10–20× the body in memory, and sixteen
   * 2 MB articles at once took ingest past 390 MB.
   */
  SUBMISSION_LARGE_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  SUBMISSION_LARGE_AT_ONCE: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * Guards the admin API (sources, keys, dead letters); without it the admin API is off. Empty counts
   * as unset, as `ADMIN_API_KEY: ${ADMIN_API_KEY:-}` in a compose file gives when the shell has none.
   */
  ADMIN_API_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'use at least 16 characters').optional()),
  /** Keys that may read any article's status; with them set, a desk's own source key reads its own articles' status only. */
  READ_API_KEYS: readApiKeysSetting,
  DEFAULT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** How often ingest looks for feeds whose poll is due. */
  FEED_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  FEED_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  /**
   * Off, a feed (or a redirect) that names or resolves to loopback, link-local (cloud metadata),
   * private, CGNAT or other non-public addresses is refused, so the poller cannot be aimed at the
   * network ingest runs in. On only for development and tests polling a local feed.
   */
  FEED_ALLOW_PRIVATE_NETWORKS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The shortest poll interval a feed may be registered with (and is polled at), out of courtesy to publishers. */
  FEED_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /**
   * Items one poll hands on at most; a longer feed is worked through over the next polls. Bounds how
   * long one poll holds its lease and a poller slot.
   */
  FEED_MAX_ITEMS_PER_POLL: z.coerce.number().int().min(1).max(100_000).default(500),
  /** Unset: `newsflow-ingest/<version> (+https://github.com/newsflow)`. Empty counts as unset. */
  FEED_USER_AGENT: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(500).optional()),
  /** How long a submission waits for the broker's acknowledgement before answering 503. */
  PUBLISH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
});

export type IngestConfig = z.infer<typeof IngestConfigSchema>;

export const INGEST_CONFIG = Symbol('INGEST_CONFIG');

export function loadIngestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  return loadConfig('ingest', IngestConfigSchema, env);
}
