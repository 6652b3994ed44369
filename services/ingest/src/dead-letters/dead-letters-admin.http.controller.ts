import { Body, Controller, Get, NotFoundException, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PIPELINE_STAGES, PipelineStage } from '@newsflow/contracts';
import { DeadLetterStore } from '@newsflow/messaging';
import { InputProblem } from '../articles/formats/input-problem';
import { AdminKeyGuard } from '../sources/admin-key.guard';
import { ReplayDeadLettersService } from './replay-dead-letters.service';

function stageOf(value: string): PipelineStage {
  if (!(PIPELINE_STAGES as readonly string[]).includes(value)) {
    throw new InputProblem(400, 'unknown-stage', `stage must be one of ${PIPELINE_STAGES.join(', ')}`, 'stage');
  }
  return value as PipelineStage;
}

/** The same operations as `npm run dlq`, over HTTP for operators without shell access. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminKeyGuard)
@Controller('v1/admin/dead-letters')
export class DeadLettersAdminHttpController {
  constructor(
    private readonly store: DeadLetterStore,
    private readonly replays: ReplayDeadLettersService,
  ) {}

  @Get(':stage')
  async list(@Param('stage') stage: string, @Query('limit') limit?: string) {
    const max = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(max) || max < 1 || max > 10_000) throw new InputProblem(400, 'invalid-limit', 'limit must be an integer from 1 to 10000', 'limit');
    return { stage, deadLetters: await this.store.list(stageOf(stage), max) };
  }

  @Get(':stage/:partition/:offset')
  async show(@Param('stage') stage: string, @Param('partition', ParseIntPipe) partition: number, @Param('offset') offset: string) {
    const found = await this.store.show(stageOf(stage), partition, offset);
    if (!found) throw new NotFoundException({ error: 'DEAD_LETTER.NOT_FOUND', message: `no dead letter at ${partition}:${offset}` });
    return found;
  }

  /** Body `{ "partition": 0, "offset": "12" }` replays one message; no body replays all. */
  @Post(':stage/replay')
  @ApiResponse({ status: 201, description: '`{stage, replayed, skipped}`: `skipped` lists each selected message left parked (`partition`, `offset`, `key`, `articleId`, `reason`): `taken-down` when its article is on the takedown list' })
  @ApiResponse({ status: 503, description: 'The takedown list cannot be read (rule `takedown-list-unavailable`); nothing was replayed' })
  async replay(@Param('stage') stage: string, @Body() body?: { partition?: number; offset?: string }) {
    const one = body?.partition !== undefined;
    const { replayed, skipped } = await this.replays.replay(stageOf(stage), (d) => !one || (d.partition === body?.partition && d.offset === String(body?.offset)));
    return { stage, replayed, skipped };
  }

  @Post(':stage/purge')
  async purge(@Param('stage') stage: string) {
    return { stage, purged: await this.store.purge(stageOf(stage)) };
  }
}
