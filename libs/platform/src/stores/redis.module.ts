import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { HealthProbe } from '../health/health-probe';
import { unreachable } from './unreachable';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * Every use of Redis fails open (the idempotency inbox, rate limits, story bands, the source-key and
 * weather caches): without it the pipeline runs, degraded. So readiness reports it but does not drop,
 * which would take every instance out of service for an outage the services ride through.
 */
@Injectable()
export class RedisProbe implements HealthProbe {
  readonly name = 'redis';
  readonly optional = true;
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async check(): Promise<void> {
    const answer = await this.redis.ping();
    if (answer !== 'PONG') throw new Error(`unexpected PING answer ${answer}`);
  }
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * While Redis is away a command fails at once rather than waiting out the reconnects in a queue
 * (with one, each request of ingest's took 35 s through an outage, its several fail-open calls
 * waiting in turn); one that Redis does not answer fails after a few seconds. Auto-pipelining sends
 * the commands of one tick together: a batch's inbox checks are one round trip.
 */
export const REDIS_OPTIONS = { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 3000, lazyConnect: true, enableAutoPipelining: true } as const;

/** One JSON line when an outage starts and one when it ends: ioredis prints every failed reconnect otherwise. */
function logOutages(redis: Redis): void {
  const logger = new Logger('Redis');
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ msg: 'redis unavailable; its uses fail open until it is back', error: error.message });
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log({ msg: 'redis available again' });
  });
}

@Global()
@Module({})
export class RedisModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS_CLIENT,
          useFactory: async () => {
            const redis = new Redis(url, REDIS_OPTIONS);
            logOutages(redis);
            await redis.connect().catch((error: unknown) => {
              redis.disconnect();
              throw unreachable('Redis', 'REDIS_URL', url, error);
            });
            return redis;
          },
        },
        RedisProbe,
        RedisCloser,
      ],
      exports: [REDIS_CLIENT, RedisProbe],
    };
  }
}
