import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ArticleStatusRepository } from './article-status.repository';

@ApiTags('articles')
@Controller('v1/articles')
export class ArticleStatusHttpController {
  constructor(private readonly statuses: ArticleStatusRepository) {}

  @Get(':id/status')
  @ApiOkResponse({ description: 'Where the article is in the pipeline: received, enriched, weather, indexed or failed' })
  async status(@Param('id', new ParseUUIDPipe()) id: string) {
    const status = await this.statuses.find(id);
    if (!status) throw new NotFoundException({ error: 'ARTICLE.NOT_FOUND', message: `no article with id ${id}` });
    return status;
  }
}
