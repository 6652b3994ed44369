import { BadRequestException, Controller, Get, Param, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PIPELINE_STAGES, PipelineStage } from '@newsflow/contracts';
import { CallerKey } from '../http/caller-key.decorator';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { UpstreamClient } from '../upstream/upstream.client';

/** Ingest's admin API reads a dead-letter topic from its start; this many are read to show the latest. */
const READ_AT_MOST = 1000;

interface DeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  originalTopic?: string;
  errorCode?: string;
  errorMessage?: string;
  failedAt?: string;
}

/**
 * Read-only view of the messages a stage parked, through ingest's dead-letter admin API: parked
 * messages hold whole articles, so ingest answers only to its admin key, which the user presents.
 * Replaying stays with operators (`npm run dlq`, the admin API): the console offers nothing that
 * changes the pipeline.
 */
@ApiTags('console')
@ApiBearerAuth()
@Controller('api/dead-letters')
@UseFilters(ProblemDetailsFilter)
export class DeadLettersHttpController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get(':stage')
  @ApiQuery({ name: 'latest', required: false, type: Number, description: '1–100, default 20: how many of the newest to return' })
  @ApiOkResponse({ description: 'The newest parked messages of the stage, newest first' })
  async list(@Param('stage') stage: string, @CallerKey() key: string | undefined, @Query('latest') latest?: string) {
    if (!(PIPELINE_STAGES as readonly string[]).includes(stage)) {
      throw new BadRequestException({ message: `stage must be one of ${PIPELINE_STAGES.join(', ')}`, parameter: 'stage' });
    }
    const count = latest === undefined ? 20 : Number(latest);
    if (!Number.isInteger(count) || count < 1 || count > 100) throw new BadRequestException({ message: 'latest must be an integer from 1 to 100', parameter: 'latest' });
    const answer = await this.upstream.json<{ deadLetters: DeadLetter[] }>('ingest', `/v1/admin/dead-letters/${stage as PipelineStage}?limit=${READ_AT_MOST}`, {
      key, reading: 'dead letters',
    });
    const all = answer?.deadLetters ?? [];
    const newest = [...all].sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? '')).slice(0, count);
    return {
      stage,
      read: all.length,
      // Ingest reads from the topic's start: past READ_AT_MOST the newest may be missing; `npm run dlq` reads them all.
      truncated: all.length >= READ_AT_MOST,
      deadLetters: newest.map(({ value, ...rest }) => ({ ...rest, value: value && value.length > 2000 ? `${value.slice(0, 2000)}…` : value })),
    };
  }
}
