import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { HEALTH_PROBES, HealthProbe, withTimeout } from './health-probe';
import { ReadinessState } from './readiness.state';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly readiness: ReadinessState,
    @Inject(HEALTH_PROBES) private readonly probes: HealthProbe[],
  ) {}

  /** Liveness only says the event loop answers; dependencies failing must not get the pod killed. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const state = this.indicator.check('lifecycle');
        const current = this.readiness.current;
        const waitingFor = this.readiness.waitingFor;
        return current === 'ready' ? state.up({ state: current }) : state.down({ state: current, ...(waitingFor.length ? { waitingFor } : {}) });
      },
      ...this.probes.map((probe) => async () => {
        const state = this.indicator.check(probe.name);
        try {
          await withTimeout(probe.check(), 3000, probe.name);
          return state.up();
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return probe.optional ? state.up({ degraded: true, message }) : state.down({ message });
        }
      }),
    ]);
  }
}
