import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PIPELINE_STAGES } from '@newsflow/contracts';
import { CONSOLE_CONFIG, ConsoleConfig } from '../config/console.config';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { UpstreamClient } from '../upstream/upstream.client';
import { PipelineSamplerService } from './pipeline-sampler.service';

/** Throughput over this window is the "now" figure; long enough to smooth single scrapes. */
const CURRENT_RATE_WINDOW_MS = 30_000;

@ApiTags('console')
@Controller('api/overview')
@UseFilters(ProblemDetailsFilter)
export class OverviewHttpController {
  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly sampler: PipelineSamplerService,
    private readonly upstream: UpstreamClient,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Health, totals, current and peak throughput of each stage, and the chart series' })
  overview() {
    const { history } = this.sampler;
    const latest = history.latest();
    return {
      sampledAt: latest ? new Date(latest.at).toISOString() : null,
      intervalMs: this.config.CONSOLE_SAMPLE_INTERVAL_MS,
      historyMinutes: this.config.CONSOLE_HISTORY_MINUTES,
      stages: PIPELINE_STAGES.map((stage) => ({
        stage,
        url: this.upstream.urlOf(stage),
        health: this.sampler.healthOf(stage) ?? null,
        totals: latest?.stages[stage] ?? null,
        throughputPerSecond: history.rate(stage, CURRENT_RATE_WINDOW_MS),
        peakPerSecond: history.peak(stage),
      })),
      series: history.series(),
    };
  }
}
