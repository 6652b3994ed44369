import { Logger } from '@nestjs/common';
import { commonConfigShape, loadConfig } from '@newsflow/platform';
import { z } from 'zod';

const url = (fallback: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(fallback)
    .transform((u) => u.replace(/\/+$/, ''));

export const WEATHER_PROVIDERS = ['open-meteo', 'met-norway'] as const;
export type WeatherProviderName = (typeof WEATHER_PROVIDERS)[number];

export const WeatherConfigSchema = z.object({
  ...commonConfigShape,
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8083),
  HTTP_HOST: z.string().default('0.0.0.0'),
  KAFKA_GROUP_ID: z.string().default('newsflow-weather'),
  WEATHER_PROVIDER: z.enum(WEATHER_PROVIDERS).default('open-meteo'),
  OPEN_METEO_BASE_URL: url('https://api.open-meteo.com'),
  OPEN_METEO_ARCHIVE_BASE_URL: url('https://archive-api.open-meteo.com'),
  MET_NORWAY_BASE_URL: url('https://api.met.no'),
  // MET Norway's terms require an identifying User-Agent with contact details; requests without one get 403.
  MET_NORWAY_USER_AGENT: z.string().min(3).default('newsflow-weather/0.1 github.com/newsflow'),
  WEATHER_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
  /** Retries after the first attempt, so 2 means at most three upstream calls per lookup. */
  WEATHER_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  WEATHER_RETRY_INITIAL_DELAY_MS: z.coerce.number().int().min(0).default(200),
  WEATHER_BREAKER_THRESHOLD: z.coerce.number().int().min(1).default(5),
  WEATHER_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(100).default(30_000),
  WEATHER_CACHE_CURRENT_TTL_S: z.coerce.number().int().min(1).default(600),
  WEATHER_CACHE_DAILY_TTL_S: z.coerce.number().int().min(1).default(10_800),
  WEATHER_CACHE_ARCHIVE_TTL_S: z.coerce.number().int().min(1).default(604_800),
  /** How often articles left `unavailable` are tried again. */
  WEATHER_BACKFILL_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  /** Tries before an article keeps `unavailable` for good (with the default interval and backoff, about a day). */
  WEATHER_BACKFILL_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(30),
});

export type WeatherConfig = z.infer<typeof WeatherConfigSchema>;

export const WEATHER_CONFIG = Symbol('WEATHER_CONFIG');

/** Settings that no longer do anything, and what replaced them: said once at start-up rather than ignored in silence. */
const RETIRED: Record<string, string> = {
  WEATHER_HISTORY_AFTER_DAYS: 'an article whose publication day is over at its place now always gets that day\'s observed weather',
};

export function loadWeatherConfig(env: NodeJS.ProcessEnv = process.env): WeatherConfig {
  for (const [name, instead] of Object.entries(RETIRED)) {
    if (env[name] !== undefined) new Logger('WeatherConfig').warn({ msg: `${name} is no longer used and is ignored: ${instead}` });
  }
  return loadConfig('weather', WeatherConfigSchema, env);
}
