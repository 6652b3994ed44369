import { Controller, Get, NotFoundException, Param, Query, UseFilters } from '@nestjs/common';
import { ApiForbiddenResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { InvalidParameterError } from '../http/invalid-parameter.error';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { refuseUnreleased } from './release-gate';

const IdSchema = z.uuid();
const VersionSchema = z.string().max(10).regex(/^[1-9]\d*$/).transform(Number);

@ApiTags('articles')
@Controller('v1/articles')
@UseFilters(ProblemDetailsFilter)
export class ArticleQueryHttpController {
  constructor(private readonly documents: SearchDocumentRepository) {}

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'version', required: false, type: Number, description: 'An earlier version; the latest without it' })
  @ApiOkResponse({ description: 'The indexed article (latest version unless `version` is given) with every stage section' })
  @ApiNotFoundResponse({ description: 'application/problem+json: no such article or version' })
  @ApiForbiddenResponse({ description: 'application/problem+json: the version is withheld (`rule: withheld`) or under embargo (`rule: embargoed`, with `embargoedUntil`)' })
  @ApiGoneResponse({ description: 'application/problem+json: the source canceled (killed) the story (`rule: canceled`), or its expiry has passed (`rule: expired`, with `expiresAt`: the latest version\'s, or the asked version\'s own); no version is served' })
  async byId(@Param('id') id: string, @Query() query: Record<string, unknown>) {
    if (!IdSchema.safeParse(id).success) throw new InvalidParameterError('id', 'id must be a UUID');
    id = id.toLowerCase();
    const unknown = Object.keys(query).find((name) => name !== 'version');
    if (unknown !== undefined) throw new InvalidParameterError(unknown, `unknown parameter ${JSON.stringify(unknown.slice(0, 100))}`);
    const version = query.version === undefined ? undefined : VersionSchema.safeParse(query.version);
    if (version && !version.success) throw new InvalidParameterError('version', 'version must be a positive integer, given once');
    const latest = await this.documents.findById(id);
    const found = version ? await this.documents.findVersion(id, version.data, latest) : latest;
    if (!latest || !found) {
      const what = version ? `version ${version.data} of article ${id}` : `article ${id}`;
      throw new NotFoundException({ error: 'ARTICLE.NOT_FOUND', rule: 'not-found', message: `no indexed ${what}` });
    }
    refuseUnreleased(latest.document.article, found.document.article);
    return { ...found.document, version: found.version, indexedAt: found.indexedAt };
  }
}
