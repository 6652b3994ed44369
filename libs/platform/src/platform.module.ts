import { DynamicModule, MiddlewareConsumer, Module, NestModule, Provider, RequestMethod } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { collectDefaultMetrics } from 'prom-client';
import { HealthController } from './health/health.controller';
import { HEALTH_PROBES, HealthProbe } from './health/health-probe';
import { ReadinessState } from './health/readiness.state';
import { httpObservabilityMiddleware } from './http/http-observability.middleware';
import { LogContextInterceptor } from './http/log-context.interceptor';
import { MetricsController } from './metrics/metrics.controller';
import { metricsRegistry } from './metrics/metrics';

export interface PlatformModuleOptions {
  service: string;
  /** HealthProbe classes exported by global connection modules (Kafka, MongoDB, Redis). */
  probes: Array<new (...args: never[]) => HealthProbe>;
}

let defaultMetricsStarted = false;

/**
 * Health, readiness and Prometheus metrics endpoints that every service exposes the same way, plus
 * HTTP request metrics and the per-request log context for every route.
 */
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    if (!defaultMetricsStarted) {
      metricsRegistry.setDefaultLabels({ service: options.service });
      collectDefaultMetrics({ register: metricsRegistry });
      defaultMetricsStarted = true;
    }
    const probes: Provider = {
      provide: HEALTH_PROBES,
      useFactory: (...probes: HealthProbe[]) => probes,
      inject: options.probes,
    };
    return {
      module: PlatformModule,
      global: true,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [ReadinessState, probes, { provide: APP_INTERCEPTOR, useClass: LogContextInterceptor }],
      exports: [ReadinessState],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(httpObservabilityMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
