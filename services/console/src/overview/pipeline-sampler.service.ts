import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PIPELINE_STAGES, PipelineStage } from '@newsflow/contracts';
import { CONSOLE_CONFIG, ConsoleConfig } from '../config/console.config';
import { parsePrometheusText } from '../upstream/prometheus-text';
import { UpstreamClient } from '../upstream/upstream.client';
import { StageTotals, stageTotalsOf } from './stage-totals';
import { ThroughputHistory } from './throughput-history';

export interface ServiceHealth {
  /** `up`: /health/ready answered 200; `down`: it answered otherwise; `unreachable`: no answer. */
  status: 'up' | 'down' | 'unreachable';
  /** Each readiness check (lifecycle, kafka, mongodb, redis) as the service reported it. */
  checks: Record<string, string>;
  error?: string;
  metricsError?: string;
  checkedAt: string;
}

/**
 * Scrapes every service's /metrics and /health/ready on a timer, so all open pages share one set of
 * upstream calls and the charts keep history between page loads. It sends no key: every service
 * serves these two without one, and they hold counts and check results, never article text.
 */
@Injectable()
export class PipelineSamplerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PipelineSamplerService.name);
  readonly history: ThroughputHistory;
  private readonly health = new Map<PipelineStage, ServiceHealth>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly upstream: UpstreamClient,
  ) {
    this.history = new ThroughputHistory(config.CONSOLE_HISTORY_MINUTES * 60_000);
  }

  onModuleInit(): void {
    this.running = this.sample();
    this.timer = setInterval(() => {
      // A scrape slower than the interval is not stacked on top of itself.
      this.running ??= this.sample().finally(() => (this.running = undefined));
    }, this.config.CONSOLE_SAMPLE_INTERVAL_MS);
    this.timer.unref();
    void this.running.finally(() => (this.running = undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  healthOf(stage: PipelineStage): ServiceHealth | undefined {
    return this.health.get(stage);
  }

  async sample(): Promise<void> {
    const at = Date.now();
    const results = await Promise.all(PIPELINE_STAGES.map(async (stage) => [stage, await this.sampleStage(stage)] as const));
    const stages: Partial<Record<PipelineStage, StageTotals>> = {};
    for (const [stage, totals] of results) if (totals) stages[stage] = totals;
    this.history.add({ at, stages });
  }

  private async sampleStage(stage: PipelineStage): Promise<StageTotals | undefined> {
    const [health, metrics] = await Promise.all([this.readHealth(stage), this.readMetrics(stage)]);
    this.health.set(stage, { ...health, ...(typeof metrics === 'string' ? { metricsError: metrics } : {}), checkedAt: new Date().toISOString() });
    return typeof metrics === 'string' ? undefined : metrics;
  }

  private async readMetrics(stage: PipelineStage): Promise<StageTotals | string> {
    try {
      const { status, body } = await this.upstream.text(stage, '/metrics');
      if (status !== 200) return `/metrics answered HTTP ${status}`;
      return stageTotalsOf(parsePrometheusText(body));
    } catch (error) {
      this.logger.debug({ msg: 'metrics scrape failed', stage, error: String(error) });
      return (error as Error).message;
    }
  }

  private async readHealth(stage: PipelineStage): Promise<Omit<ServiceHealth, 'checkedAt'>> {
    try {
      const { status, body } = await this.upstream.text(stage, '/health/ready');
      const parsed = JSON.parse(body) as { info?: Record<string, { status: string }>; error?: Record<string, { status: string; message?: string }> };
      const checks = Object.fromEntries(
        Object.entries({ ...parsed.info, ...parsed.error }).map(([name, check]) => [name, check.status]),
      );
      const problems = Object.entries(parsed.error ?? {}).map(([name, check]) => `${name}: ${check.message ?? check.status}`);
      return { status: status === 200 ? 'up' : 'down', checks, ...(problems.length ? { error: problems.join('; ') } : {}) };
    } catch (error) {
      return { status: 'unreachable', checks: {}, error: (error as Error).message };
    }
  }
}
