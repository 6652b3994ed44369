import { Body, Controller, Headers, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AdminKeyGuard } from '../../sources/admin-key.guard';
import { KillArticleService } from './kill-article.service';
import { killReasonOf } from './kill-request';

/** A takedown (court order, legal request) by an operator, who holds no source's key. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminKeyGuard)
@Controller('v1/admin/articles')
export class KillArticleAdminHttpController {
  constructor(private readonly killArticle: KillArticleService) {}

  @Post(':id/kill')
  @HttpCode(202)
  @ApiBody({ required: false, schema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 500,
    example: 'Court order 2026/123',
    description: 'A reference (the order\'s or the ticket\'s number), never a name or the grounds: it goes into the kill\'s body on every topic and to every consumer, '
      + 'stays on the takedown list for good, and its first 48 characters are logged' } } } })
  @ApiAcceptedResponse({ description: 'The article is on the takedown list, and a canceled version carrying only a withdrawal notice was stored and sent down the pipeline; follow `statusUrl`. Answers after about 4 s: the kill waits until every ingest instance refuses resends' })
  @ApiOkResponse({ description: 'The latest version is canceled already; nothing new was made' })
  @ApiResponse({ status: 401, description: 'Missing or wrong admin key, or the admin API is disabled' })
  @ApiResponse({ status: 404, description: 'No article with that id' })
  @ApiResponse({ status: 422, description: 'The body is not `{"reason": "..."}` with at most 500 characters' })
  @ApiResponse({ status: 503, description: 'Kafka or the store is unavailable; killing again is safe' })
  async kill(
    @Param('id') id: string,
    @Body() body: unknown,
    // Always present: the platform's observability middleware sets it (and echoes it) on every request.
    @Headers('x-correlation-id') correlationId: string,
    @Headers('traceparent') traceparent: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const reason = killReasonOf(body);
    const result = await this.killArticle.kill(id, reason, { correlationId, traceparent });
    if (!result.killed) response.status(200);
    return { id: result.id, version: result.version, pubStatus: 'canceled', statusUrl: `/v1/articles/${result.id}/status` };
  }
}
