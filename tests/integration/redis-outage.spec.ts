import { Test } from '@nestjs/testing';
import { TerminusModule } from '@nestjs/terminus';
import { HEALTH_PROBES, HealthController, ReadinessState, REDIS_CLIENT, REDIS_OPTIONS, RedisProbe } from '@newsflow/platform';
import Redis from 'ioredis';
import { RateLimiter } from '../../services/ingest/src/sources/rate-limiter';
import { targetOf, TcpRelay } from '../support/tcp-relay';
import { requireEnv } from '../support/unique';
import { waitFor } from '../support/wait-for';

/**
 * Redis away, with the services' own client options: a command fails at once instead of waiting out
 * the reconnects (ingest once took 35 s a request through an outage), its fail-open users go on, and
 * the readiness check reports Redis without taking the instance out of service.
 */
describe('a Redis outage, with the services\' client options', () => {
  let relay: TcpRelay;
  let redis: Redis;

  beforeEach(async () => {
    relay = new TcpRelay(targetOf(new URL(requireEnv('REDIS_URL')), 6379));
    await relay.open();
    redis = new Redis(`redis://127.0.0.1:${relay.port}`, { ...REDIS_OPTIONS, retryStrategy: () => 100 });
    await redis.connect();
  });

  afterEach(async () => {
    redis.disconnect();
    await relay.cut();
  });

  it('fails a command at once while disconnected (no queue), and works again after reconnecting', async () => {
    await redis.set('it-redis-outage', '1');
    await relay.cut();
    await waitFor(() => redis.status !== 'ready', { what: 'the client to notice the outage' });
    await expect(redis.get('it-redis-outage')).rejects.toThrow(/enableOfflineQueue|Connection is closed|writeable/);
    await relay.open();
    await waitFor(() => redis.status === 'ready', { what: 'the client to reconnect' });
    expect(await redis.get('it-redis-outage')).toBe('1');
  });

  it('lets ingest\'s rate limiter fail open and keeps readiness up, reporting Redis as degraded', async () => {
    const module = await Test.createTestingModule({
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        { provide: REDIS_CLIENT, useValue: redis }, RedisProbe, RateLimiter, ReadinessState,
        { provide: HEALTH_PROBES, useFactory: (probe: RedisProbe) => [probe], inject: [RedisProbe] },
      ],
    }).compile();
    module.get(ReadinessState).markReady();
    const health = module.get(HealthController);
    expect(await health.ready()).toMatchObject({ status: 'ok', info: { redis: { status: 'up' } } });

    await relay.cut();
    await waitFor(() => redis.status !== 'ready', { what: 'the client to notice the outage' });
    await expect(module.get(RateLimiter).take('it-source', 1)).resolves.toMatchObject({ allowed: true });
    expect(await health.ready()).toMatchObject({ status: 'ok', info: { redis: { status: 'up', degraded: true } } });
  });
});
