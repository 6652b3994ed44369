import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { HealthProbe } from '../health/health-probe';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Injectable()
export class RedisProbe implements HealthProbe {
  readonly name = 'redis';
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
            // Commands fail fast while Redis is away instead of queueing without bound in memory.
            // Auto-pipelining sends the commands of one tick together: a batch's inbox checks are one round trip.
            const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: true, enableAutoPipelining: true });
            await redis.connect();
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
