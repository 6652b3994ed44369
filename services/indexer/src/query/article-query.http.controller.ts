import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SearchDocumentRepository } from '../index/search-document.repository';

@ApiTags('articles')
@Controller('v1/articles')
export class ArticleQueryHttpController {
  constructor(private readonly documents: SearchDocumentRepository) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The latest indexed version of the article with every stage section' })
  async byId(@Param('id', new ParseUUIDPipe()) id: string) {
    const found = await this.documents.findById(id);
    if (!found) throw new NotFoundException({ error: 'ARTICLE.NOT_FOUND', message: `no indexed article with id ${id}` });
    return { ...found.document, version: found.version, indexedAt: found.indexedAt };
  }
}
