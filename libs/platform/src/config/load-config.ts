import { z } from 'zod';
import { AppError } from '../errors/app-error';

/**
 * How far the V8 heap may grow past its live size before the next full collection, in percent (see
 * setHeapGrowingPercent); 0 = V8's own choice. A service with less memory to spare sets a lower default.
 */
export function heapGrowingPercent(fallback: number) {
  return z.coerce.number().int().min(0).max(1000).default(fallback);
}

/** Connection settings every service shares; the infra tool prints matching values with `npm run infra -- env`. */
export const commonConfigShape = {
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1)),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(10).default(1),
  /** How long the pipeline's topics keep events (set when a topic is created, or when it has no retention of its own). */
  KAFKA_RETENTION_HOURS: z.coerce.number().int().min(1).max(100_000).default(168),
  /** How long a dead-letter topic keeps a parked message for an operator to replay; Kafka's default week lost them unseen. */
  KAFKA_DEADLETTER_RETENTION_HOURS: z.coerce.number().int().min(1).max(100_000).default(720),
  /** Where a consumer group without committed offsets starts: the earliest message (default) or only new ones. */
  KAFKA_FROM_BEGINNING: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Messages of one partition's fetched batch handled at once; messages of one article always in order. 1 = one at a time. */
  KAFKA_CONSUME_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(16),
  /** How long a stage's fetch may wait to gather a batch (KAFKA_FETCH_MIN_BYTES); 0 answers each message at once. */
  KAFKA_FETCH_WAIT_MS: z.coerce.number().int().min(0).max(10000).default(0),
  /** With a fetch wait: the bytes that end the wait early. Ignored when KAFKA_FETCH_WAIT_MS is 0. */
  KAFKA_FETCH_MIN_BYTES: z.coerce.number().int().min(1).max(64 * 1024 * 1024).default(32 * 1024),
  /**
   * How often a stage commits its consumed offsets. Committing after every batch, as kafkajs does by
   * default, cost the broker an offset commit per article below saturation (bench/README.md, "Offset
   * commits"). A crash can redeliver up to this much; the inbox skips it. 0 = after every batch.
   */
  KAFKA_COMMIT_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /**
   * How long an event waits for others to share its produce request (Kafka's own producer lingers
   * 5 ms by default since 4.0). Without it, one article per request at 150/s had the enricher send
   * 1.07 events per request, and the default bench run cost 11.9–12.3 ms per article against
   * 10.8–11.0 with 5 ms (bench/README.md, "Produce linger"); a stage adds at most this per hop.
   */
  KAFKA_PRODUCE_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(5),
  /**
   * How long an insert into an idle collection waits for others to share its insertMany. FerretDB
   * spends ~0.35 ms and the driver ~0.25 ms on each request whatever it carries (bench:storage); one
   * article per request at 110/s made 1.15–1.33 insert requests per article, 0.76–0.78 with 10 ms
   * (bench/README.md, "Insert linger"). A write waits at most this much; 0 = only concurrent ones.
   */
  MONGO_INSERT_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(10),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// URI').default('mongodb://127.0.0.1:27017/newsflow'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// URL').default('redis://127.0.0.1:6379'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(15000),
  /** Deliveries of one event, the first included, before a transient failure dead-letters it (outages retry without limit). */
  MESSAGING_RETRY_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  /** Backoff ceiling of the first retry; it doubles per attempt up to the maximum, each delay drawn with full jitter. */
  MESSAGING_RETRY_INITIAL_DELAY_MS: z.coerce.number().int().min(1).default(200),
  MESSAGING_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(1).default(5000),
  HEAP_GROWING_PERCENT: heapGrowingPercent(200),
};

/** Rules across the common variables, checked for any service schema that includes them. */
function checkCommonRules(config: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const { MESSAGING_RETRY_INITIAL_DELAY_MS: initial, MESSAGING_RETRY_MAX_DELAY_MS: max } = config;
  if (typeof initial === 'number' && typeof max === 'number' && max < initial) {
    ctx.addIssue({ code: 'custom', path: ['MESSAGING_RETRY_MAX_DELAY_MS'], message: `must be at least MESSAGING_RETRY_INITIAL_DELAY_MS (${initial})` });
  }
}

export const CommonConfigSchema = z.object(commonConfigShape);
export type CommonConfig = z.infer<typeof CommonConfigSchema>;

/**
 * Reads the environment once at start-up. Any bad value stops the service with a message naming
 * every offending variable, instead of failing later somewhere less obvious.
 */
export function loadConfig<S extends z.ZodObject>(
  service: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.superRefine(checkCommonRules).safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new AppError('CONFIG.INVALID', `${service}: invalid configuration: ${problems.join('; ')}`, {
    details: problems,
  });
}
