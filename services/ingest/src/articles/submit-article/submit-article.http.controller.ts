import { BadRequestException, Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { NativeArticleRequestSchema } from './native-article.request';
import { SubmitArticleService } from './submit-article.service';

@ApiTags('articles')
@Controller('v1/articles')
export class SubmitArticleHttpController {
  constructor(private readonly submitArticle: SubmitArticleService) {}

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Stored and handed to the pipeline; follow `statusUrl`' })
  @ApiOkResponse({ description: 'The same story was already accepted; nothing changed' })
  @ApiBadRequestResponse({ description: 'The body is not a valid article; `issues` names each problem' })
  @ApiServiceUnavailableResponse({ description: 'Kafka is unavailable; the story was not accepted, retry later' })
  async submit(
    @Body() body: unknown,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('traceparent') traceparent: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const parsed = NativeArticleRequestSchema.safeParse(body);
    if (!parsed.success) {
      throw new BadRequestException({
        error: 'ARTICLE.INVALID',
        message: 'the article is not valid',
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
      });
    }
    const correlationId = correlationHeader?.slice(0, 200) || randomUUID();
    const result = await this.submitArticle.submit(parsed.data, { correlationId, traceparent });
    if (result.outcome === 'duplicate') response.status(200);
    response.setHeader('x-correlation-id', correlationId);
    return {
      id: result.id,
      version: result.version,
      duplicate: result.outcome === 'duplicate',
      correlationId,
      statusUrl: `/v1/articles/${result.id}/status`,
    };
  }
}
