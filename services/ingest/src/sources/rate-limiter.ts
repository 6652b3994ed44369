import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT } from '@newsflow/platform';
import Redis from 'ioredis';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the current window ends; sent as Retry-After when refused. */
  retryAfterSeconds: number;
}

/**
 * Counts and (re)arms the window's expiry in one command (MULTI/INCR/EXPIRE/EXEC was four). What
 * would go past the limit is not counted, so a refused batch does not use up the rest of the minute.
 */
const TAKE = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count > tonumber(ARGV[3]) then count = redis.call('DECRBY', KEYS[1], ARGV[2]) + tonumber(ARGV[2]) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return count`;
/** Outlives its window, so a window's count is never lost while it is current. */
const WINDOW_KEY_SECONDS = 120;

type RateScripts = Redis & { newsflowTakeRate(keyCount: 1, key: string, expireSeconds: number, cost: number, limit: number): Promise<number> };

/**
 * Fixed one-minute windows per source in Redis, shared by every ingest instance. When Redis is
 * unreachable submissions are let through (logged once): refusing all news because a counter is
 * away would be the worse failure.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private redisDown = false;

  private readonly redis: RateScripts;

  constructor(@Inject(REDIS_CLIENT) redis: Redis) {
    redis.defineCommand('newsflowTakeRate', { lua: TAKE });
    this.redis = redis as RateScripts;
  }

  /** `cost`: the articles this request submits (a batch's items). */
  async take(sourceId: string, limitPerMinute: number, now = Date.now(), cost = 1): Promise<RateDecision> {
    const window = Math.floor(now / 60_000);
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
    try {
      const key = `newsflow:ratelimit:${sourceId}:${window}`;
      const count = await this.redis.newsflowTakeRate(1, key, WINDOW_KEY_SECONDS, cost, limitPerMinute);
      if (this.redisDown) this.logger.log({ msg: 'rate limiting restored: Redis is back' });
      this.redisDown = false;
      return { allowed: count <= limitPerMinute, retryAfterSeconds };
    } catch (error) {
      if (!this.redisDown) this.logger.warn({ msg: 'rate limiting suspended: Redis unreachable', error: String(error) });
      this.redisDown = true;
      return { allowed: true, retryAfterSeconds };
    }
  }
}
