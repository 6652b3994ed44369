import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT } from '@newsflow/platform';
import Redis from 'ioredis';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the current window ends; sent as Retry-After when refused. */
  retryAfterSeconds: number;
}

/**
 * Fixed one-minute windows per source in Redis, shared by every ingest instance. When Redis is
 * unreachable submissions are let through (logged once): refusing all news because a counter is
 * away would be the worse failure.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private redisDown = false;

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async take(sourceId: string, limitPerMinute: number, now = Date.now()): Promise<RateDecision> {
    const window = Math.floor(now / 60_000);
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
    try {
      const key = `newsflow:ratelimit:${sourceId}:${window}`;
      const [[, count]] = (await this.redis.multi().incr(key).expire(key, 120).exec()) as [[unknown, number]];
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
