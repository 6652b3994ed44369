import { BadRequestException, Controller, Get, NotFoundException, Param, Query, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { UpstreamClient } from '../upstream/upstream.client';
import { UpstreamError } from '../upstream/upstream.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SearchPage {
  total: number;
  items: Array<{ id: string; [field: string]: unknown }>;
}

/**
 * Article read paths of the console. "Recent" is the indexer's in-memory index sorted by publication
 * time (no MongoDB scan) joined with ingest's status, which it reads by `_id` only. Articles still in
 * flight are not in the index yet; their page (`/api/articles/:id`) shows ingest's status alone.
 */
@ApiTags('console')
@Controller('api/articles')
@UseFilters(ProblemDetailsFilter)
export class ArticlesHttpController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get('recent')
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–50, default 10' })
  @ApiOkResponse({ description: 'The latest indexed articles by publication time, each with its pipeline status' })
  async recent(@Query('limit') limit?: string) {
    const max = limit === undefined ? 10 : Number(limit);
    if (!Number.isInteger(max) || max < 1 || max > 50) throw new BadRequestException({ message: 'limit must be an integer from 1 to 50', parameter: 'limit' });
    const page = (await this.upstream.json<SearchPage>('indexer', `/v1/search?sort=time&limit=${max}`)) ?? { total: 0, items: [] };
    const items = await Promise.all(page.items.map(async (item) => ({ ...item, status: await this.statusOrError(item.id) })));
    return { total: page.total, items };
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The indexed article (null while in flight) and its pipeline status from ingest' })
  async byId(@Param('id') id: string) {
    if (!UUID.test(id)) throw new BadRequestException({ message: 'id must be a UUID', parameter: 'id' });
    const [article, status] = await Promise.all([
      this.upstream.json<Record<string, unknown>>('indexer', `/v1/articles/${id}`, { allowNotFound: true }),
      this.statusOrError(id),
    ]);
    if (!article && status === null) throw new NotFoundException({ message: `no article ${id} in ingest or in the index` });
    return { id, article, status };
  }

  /** A status that could not be read does not hide the article; the page shows why it is missing. */
  private async statusOrError(id: string): Promise<unknown> {
    try {
      return await this.upstream.json('ingest', `/v1/articles/${id}/status`, { allowNotFound: true });
    } catch (error) {
      if (error instanceof UpstreamError) return { stage: 'unknown', error: error.message };
      throw error;
    }
  }
}
