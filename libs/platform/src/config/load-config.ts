import { z } from 'zod';
import { AppError } from '../errors/app-error';

/** Connection settings every service shares; the infra tool prints matching values with `npm run infra -- env`. */
export const commonConfigShape = {
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1)),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(10).default(1),
  /** Where a consumer group without committed offsets starts: the earliest message (default) or only new ones. */
  KAFKA_FROM_BEGINNING: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// URI').default('mongodb://127.0.0.1:27017/newsflow'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// URL').default('redis://127.0.0.1:6379'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(15000),
};

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
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new AppError('CONFIG.INVALID', `${service}: invalid configuration: ${problems.join('; ')}`, {
    details: problems,
  });
}
