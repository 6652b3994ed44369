import { Logger } from '@nestjs/common';
import { counter } from '@newsflow/platform';
import type Redis from 'ioredis';
import { ProviderForecast, ProviderHistory } from '../provider/weather-provider.port';

const lookups = counter('newsflow_weather_cache_lookups_total', 'Weather cache lookups by result (hit rate = hit / (hit + miss))', ['kind', 'result']);

export interface WeatherCacheTtls {
  currentSeconds: number;
  dailySeconds: number;
  historySeconds: number;
}

type CurrentPart = Pick<ProviderForecast, 'current' | 'fetchedAt'>;
export type DailyPart = Omit<ProviderForecast, 'current'>;
export interface CachedForecast {
  forecast?: ProviderForecast;
  daily?: DailyPart;
}

/** An unreadable entry (say, written by an older version) is a miss, not a failure. */
function parse<T>(value: string): T | undefined {
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

// Known-down states answer "no cache" at once; while (re)connecting a command may still be served
// within the timeout below, which covers a client that is just starting.
const OFFLINE = new Set(['wait', 'reconnecting', 'close', 'end']);

// A slow Redis must not hold an article longer than the provider would.
const COMMAND_TIMEOUT_MS = 500;

/**
 * Redis cache for provider answers. Current conditions and the daily forecast live under separate
 * keys because they age differently (minutes versus hours). Redis is an optimisation here: when it
 * is down every method answers "miss" / does nothing, the outage is logged once, and the cache is
 * used again as soon as the client has reconnected.
 */
export class WeatherCache {
  private readonly logger = new Logger(WeatherCache.name);
  private down = false;

  constructor(
    private readonly redis: Redis,
    private readonly ttls: WeatherCacheTtls,
  ) {
    // Listening also keeps ioredis from printing every failed reconnect as an unhandled error.
    redis.on('error', (error: Error) => this.markDown(error.message));
    redis.on('ready', () => this.markUp());
  }

  /**
   * `forecast` when both parts are fresh. Otherwise `daily` alone when only the current conditions
   * have expired: not enough to skip the provider, but a fallback if the provider is down.
   */
  async getForecast(key: string): Promise<CachedForecast> {
    const values = await this.safely((r) => r.mget(`${key}:current`, `${key}:daily`));
    if (!values) return this.count('forecast', 'error', {});
    const now = values[0] ? parse<CurrentPart>(values[0]) : undefined;
    const daily = values[1] ? parse<DailyPart>(values[1]) : undefined;
    if (!now || !daily) return this.count('forecast', 'miss', { daily });
    return this.count('forecast', 'hit', { forecast: { ...daily, ...now } });
  }

  async setForecast(key: string, forecast: ProviderForecast): Promise<void> {
    const { current, fetchedAt, ...daily } = forecast;
    await this.safely((r) =>
      r.multi()
        .set(`${key}:current`, JSON.stringify({ current, fetchedAt }), 'EX', this.ttls.currentSeconds)
        .set(`${key}:daily`, JSON.stringify({ ...daily, fetchedAt }), 'EX', this.ttls.dailySeconds)
        .exec(),
    );
  }

  async getHistory(key: string): Promise<ProviderHistory | undefined> {
    const value = await this.safely((r) => r.get(key));
    if (value === undefined) return this.count('history', 'error', undefined);
    const history = value === null ? undefined : parse<ProviderHistory>(value);
    return this.count('history', history ? 'hit' : 'miss', history);
  }

  /** A day the provider may still revise is kept only as long as a daily forecast. */
  async setHistory(key: string, history: ProviderHistory): Promise<void> {
    const seconds = history.settled === false ? this.ttls.dailySeconds : this.ttls.historySeconds;
    await this.safely((r) => r.set(key, JSON.stringify(history), 'EX', seconds));
  }

  private count<T>(kind: string, result: 'hit' | 'miss' | 'error', value: T): T {
    lookups.inc({ kind, result });
    return value;
  }

  /** Runs a command if Redis is usable; any failure means "no cache this time", never an error. */
  private async safely<T>(command: (redis: Redis) => Promise<T>): Promise<T | undefined> {
    if (OFFLINE.has(this.redis.status)) {
      // A lazily created client that never connected would otherwise stay offline for good.
      if (this.redis.status === 'wait') this.redis.connect().catch(() => undefined);
      this.markDown(`client is ${this.redis.status}`);
      return undefined;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
      });
      const result = await Promise.race([command(this.redis), timeout]);
      this.markUp();
      return result;
    } catch (error) {
      this.markDown((error as Error).message);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private markDown(reason: string): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn({ msg: 'Redis unavailable; weather is served uncached until it returns', reason });
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.log({ msg: 'Redis is back; weather cache in use again' });
  }

  get degraded(): boolean {
    return this.down;
  }
}
