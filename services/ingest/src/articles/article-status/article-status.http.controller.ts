import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ArticleStatusRepository } from './article-status.repository';
import { StatusReaders } from './status-readers';

@ApiTags('articles')
@Controller('v1/articles')
export class ArticleStatusHttpController {
  constructor(
    private readonly statuses: ArticleStatusRepository,
    private readonly readers: StatusReaders,
  ) {}

  @Get(':id/status')
  @ApiOkResponse({ description: 'Where the article is in the pipeline: received, enriched, weather, indexed or failed' })
  @ApiUnauthorizedResponse({ description: 'With READ_API_KEYS set: neither a read key nor the key of an enabled source was sent' })
  async status(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: Request) {
    const reader = await this.readers.identify(request);
    const status = await this.statuses.find(id);
    // Another source's article answers as a missing one would: its existence is not the desk's business.
    if (!status || (!reader.anyArticle && status.sourceId !== reader.sourceId)) {
      throw new NotFoundException({ error: 'ARTICLE.NOT_FOUND', message: `no article with id ${id}` });
    }
    return status;
  }
}
