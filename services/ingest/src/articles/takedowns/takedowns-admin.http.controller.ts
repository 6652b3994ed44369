import { Controller, Delete, Get, Headers, Logger, NotFoundException, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../../sources/admin-key.guard';
import { killReasonForLog } from '../kill-article/kill-reason-for-log';
import { SourceRepository } from '../../sources/source.repository';
import { InputProblem } from '../formats/input-problem';
import { TakedownList } from './takedown-list';
import { Takedown, TakedownRepository } from './takedown.repository';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const shown = (takedown: Takedown) => ({ articleId: takedown._id, reason: takedown.reason ?? null, takenDownAt: takedown.takenDownAt,
  correlationId: takedown.correlationId, sourceId: takedown.sourceId, sourceItemId: takedown.sourceItemId });

function limitOf(value: string | undefined): number {
  const limit = value === undefined ? DEFAULT_LIMIT : Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new InputProblem(400, 'invalid-limit', `limit must be an integer from 1 to ${MAX_LIMIT}`, 'limit');
  return limit;
}

/** The takedown list: what an operator's kill put there, and lifting it so the source may send the story again. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminKeyGuard)
@Controller('v1/admin/takedowns')
export class TakedownsAdminHttpController {
  private readonly logger = new Logger(TakedownsAdminHttpController.name);

  constructor(
    private readonly repository: TakedownRepository,
    private readonly list: TakedownList,
    private readonly sources: SourceRepository,
  ) {}

  /** From the store, not this instance's copy, so a lift made on another instance shows at once. */
  @Get()
  @ApiOkResponse({ description: 'Takedowns in article id order; pass `next` as `after` for the following page' })
  @ApiResponse({ status: 401, description: 'Missing or wrong admin key, or the admin API is disabled' })
  async page(@Query('limit') limit?: string, @Query('after') after?: string) {
    const max = limitOf(limit);
    const page = await this.repository.page(max, after || undefined);
    return { takedowns: page.map(shown), next: page.length === max ? page[page.length - 1]._id : null };
  }

  /**
   * Answers once every instance accepts the article again (as the kill waits before it is made).
   * Then the source's feed is read in full at its next poll: a poll skipped the item while it was
   * listed and kept the feed's validators, so an item the feed still lists would otherwise come back
   * only when the feed changes; and a poll made before every instance knew would skip it again.
   */
  @Delete(':articleId')
  @ApiOkResponse({ description: 'Lifted: the next submission of the article is accepted as its next version on every instance (answers after about 4 s); the source\'s feed, if any, is read in full at its next poll' })
  @ApiResponse({ status: 401, description: 'Missing or wrong admin key, or the admin API is disabled' })
  @ApiResponse({ status: 404, description: 'The article is not on the takedown list' })
  async lift(@Param('articleId') articleId: string, @Headers('x-correlation-id') correlationId: string) {
    const liftedAt = new Date();
    const lifted = await this.list.lift(articleId);
    if (!lifted) throw new NotFoundException({ rule: 'takedown-not-found', error: 'TAKEDOWN.NOT_FOUND', message: `article ${articleId} is not on the takedown list` });
    await this.list.propagated({ takenDownAt: liftedAt });
    await this.sources.rereadFeedInFull(lifted.sourceId);
    this.logger.log({ msg: 'takedown lifted by operator', articleId, takenDownAt: lifted.takenDownAt, reason: killReasonForLog(lifted.reason), by: 'admin', correlationId });
    return { lifted: shown(lifted) };
  }
}
