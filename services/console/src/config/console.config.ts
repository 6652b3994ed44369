import { commonConfigShape, loadConfig } from '@newsflow/platform';
import { z } from 'zod';

/** A service's base URL; the trailing slash is dropped so paths can be appended as `${url}/metrics`. */
const serviceUrl = (fallback: string) =>
  z
    .url({ protocol: /^https?$/, message: 'expected an http:// or https:// URL' })
    .default(fallback)
    .transform((url) => url.replace(/\/+$/, ''));

/**
 * No API key here: the console passes each user's own key on to the services (http/caller-key.decorator.ts),
 * and what it reads for itself (/metrics, /health/ready) needs none.
 */
export const ConsoleConfigSchema = z.object({
  LOG_LEVEL: commonConfigShape.LOG_LEVEL,
  SHUTDOWN_TIMEOUT_MS: commonConfigShape.SHUTDOWN_TIMEOUT_MS,
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  // Every interface: the routes that serve article text or dead letters answer only what the user's key may read.
  HTTP_HOST: z.string().default('0.0.0.0'),
  INGEST_URL: serviceUrl('http://127.0.0.1:8081'),
  ENRICHER_URL: serviceUrl('http://127.0.0.1:8082'),
  WEATHER_URL: serviceUrl('http://127.0.0.1:8083'),
  INDEXER_URL: serviceUrl('http://127.0.0.1:8084'),
  /** How often the services' /metrics and /health/ready are scraped for the live charts. */
  CONSOLE_SAMPLE_INTERVAL_MS: z.coerce.number().int().min(250).max(300_000).default(5000),
  /** How much chart history is kept in memory (and survives a page reload). */
  CONSOLE_HISTORY_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Longest wait for one upstream call; a slow service shows as unreachable rather than stalling the page. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
});

export type ConsoleConfig = z.infer<typeof ConsoleConfigSchema>;

export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');

export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  return loadConfig('console', ConsoleConfigSchema, env);
}
