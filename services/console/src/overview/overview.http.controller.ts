import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PIPELINE_STAGES } from '@newsflow/contracts';
import { KeyAccessService } from '../access/key-access.service';
import { CONSOLE_CONFIG, ConsoleConfig } from '../config/console.config';
import { CallerKey } from '../http/caller-key.decorator';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { UpstreamClient } from '../upstream/upstream.client';
import { PipelineSamplerService, ServiceHealth } from './pipeline-sampler.service';

/** Throughput over this window is the "now" figure; long enough to smooth single scrapes. */
const CURRENT_RATE_WINDOW_MS = 30_000;

/**
 * Counts and health for anyone; the internals (each service's address, the text of a failing check,
 * which names hosts and ports) only for a caller some service lets read, as those are a map of the
 * network behind the console.
 */
@ApiTags('console')
@ApiBearerAuth()
@Controller('api/overview')
@UseFilters(ProblemDetailsFilter)
export class OverviewHttpController {
  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly sampler: PipelineSamplerService,
    private readonly upstream: UpstreamClient,
    private readonly access: KeyAccessService,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Health, totals, current and peak throughput of each stage, and the chart series; `internals: false` when the key may read nothing, and then no addresses or error text' })
  async overview(@CallerKey() key: string | undefined) {
    const internals = await this.access.maySeeInternals(key);
    const { history } = this.sampler;
    const latest = history.latest();
    return {
      sampledAt: latest ? new Date(latest.at).toISOString() : null,
      intervalMs: this.config.CONSOLE_SAMPLE_INTERVAL_MS,
      historyMinutes: this.config.CONSOLE_HISTORY_MINUTES,
      internals,
      stages: PIPELINE_STAGES.map((stage) => ({
        stage,
        ...(internals ? { url: this.upstream.urlOf(stage) } : {}),
        health: shown(this.sampler.healthOf(stage), internals),
        totals: latest?.stages[stage] ?? null,
        throughputPerSecond: history.rate(stage, CURRENT_RATE_WINDOW_MS),
        peakPerSecond: history.peak(stage),
      })),
      series: history.series(),
    };
  }
}

/** The health without its error text, which names hosts, ports and files, unless the caller may see it. */
function shown(health: ServiceHealth | undefined, internals: boolean): ServiceHealth | null {
  if (!health) return null;
  if (internals) return health;
  const { error, metricsError, ...rest } = health;
  return { ...rest, ...(error || metricsError ? { error: 'details hidden: sign in with a key' } : {}) };
}
