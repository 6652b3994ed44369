import { Body, Controller, Get, INestApplication, MiddlewareConsumer, Module, NestModule, Param, Post, RequestMethod } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { raw } from 'express';
import { currentLogContext } from '../logging/log-context';
import { metricsRegistry } from '../metrics/metrics';
import { PlatformModule } from '../platform.module';

@Controller('things')
class ThingsController {
  @Get(':id')
  get(@Param('id') id: string) {
    return { id, context: currentLogContext() };
  }

  @Post()
  post(@Body() body: Buffer) {
    return { bytes: body.length, context: currentLogContext() };
  }
}

/** Like ingest: a raw body parser registered by the service module, i.e. after the platform middleware. */
@Module({ imports: [PlatformModule.forRoot({ service: 'test', probes: [] })], controllers: [ThingsController] })
class TestModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(raw({ type: () => true })).forRoutes({ path: 'things', method: RequestMethod.POST });
  }
}

async function sampleValue(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = await metricsRegistry.getSingleMetric(name)?.get();
  return metric?.values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value))?.value;
}

describe('HTTP observability middleware', () => {
  let app: INestApplication;
  let base: string;
  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('runs the handler in a log context taken from the traceparent and x-correlation-id headers', async () => {
    const response = await fetch(`${base}/things/42`, { headers: { traceparent, 'x-correlation-id': 'corr-7' } });
    expect(await response.json()).toEqual({ id: '42', context: { traceId: '0af7651916cd43dd8448eb211c80319c', correlationId: 'corr-7' } });
  });

  it('keeps the context for handlers behind a body parser', async () => {
    const response = await fetch(`${base}/things`, { method: 'POST', body: 'hello', headers: { traceparent, 'content-type': 'text/plain', 'x-correlation-id': 'c' } });
    expect(await response.json()).toEqual({ bytes: 5, context: { traceId: '0af7651916cd43dd8448eb211c80319c', correlationId: 'c' } });
  });

  it('starts a trace and a correlation id for a request that brings neither, and answers the correlation id', async () => {
    const response = await fetch(`${base}/things/7`, { headers: { traceparent: 'not-a-traceparent' } });
    const { context } = (await response.json()) as { context: { traceId?: string; correlationId?: string } };
    expect(context.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(context.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-correlation-id')).toBe(context.correlationId);
  });

  it('counts and times requests by method, route template and status', async () => {
    const labels = { method: 'GET', route: '/things/:id', status: '200' };
    const before = (await sampleValue('newsflow_http_requests_total', labels)) ?? 0;
    await fetch(`${base}/things/1`);
    await fetch(`${base}/things/2`);
    await fetch(`${base}/nowhere`);
    expect(await sampleValue('newsflow_http_requests_total', labels)).toBe(before + 2);
    expect(await sampleValue('newsflow_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/newsflow_http_request_duration_seconds_count\{[^}]*method="GET"[^}]*route="\/things\/:id"[^}]*status="200"[^}]*\} \d+/);
  });
});
