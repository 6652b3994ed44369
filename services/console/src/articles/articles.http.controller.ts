import { BadRequestException, Controller, Get, NotFoundException, Param, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CallerKey } from '../http/caller-key.decorator';
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
 * Both services are asked with the user's key, and decide.
 */
@ApiTags('console')
@ApiBearerAuth()
@Controller('api/articles')
@UseFilters(ProblemDetailsFilter)
export class ArticlesHttpController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get('recent')
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–50, default 10' })
  @ApiOkResponse({ description: 'The latest indexed articles by publication time, each with its pipeline status' })
  async recent(@CallerKey() key: string | undefined, @Query('limit') limit?: string) {
    const max = limit === undefined ? 10 : Number(limit);
    if (!Number.isInteger(max) || max < 1 || max > 50) throw new BadRequestException({ message: 'limit must be an integer from 1 to 50', parameter: 'limit' });
    const page = (await this.upstream.json<SearchPage>('indexer', `/v1/search?sort=time&limit=${max}`, { key, reading: 'recent articles' })) ?? { total: 0, items: [] };
    const items = await Promise.all(page.items.map(async (item) => ({ ...item, status: await this.statusOrError(item.id, key) })));
    return { total: page.total, items };
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The indexed article (null while in flight) and its pipeline status from ingest' })
  async byId(@Param('id') id: string, @CallerKey() key: string | undefined) {
    if (!UUID.test(id)) throw new BadRequestException({ message: 'id must be a UUID', parameter: 'id' });
    const [article, status] = await Promise.all([
      this.upstream.json<Record<string, unknown>>('indexer', `/v1/articles/${id}`, { key, reading: 'articles', allowNotFound: true }),
      this.statusOrError(id, key),
    ]);
    if (!article && status === null) throw new NotFoundException({ message: `no article ${id} in ingest or in the index` });
    return { id, article, status };
  }

  /** A status that could not be read (ingest down, or refusing the key) does not hide the article; the page shows why it is missing. */
  private async statusOrError(id: string, key: string | undefined): Promise<unknown> {
    try {
      return await this.upstream.json('ingest', `/v1/articles/${id}/status`, { key, reading: 'article status', allowNotFound: true });
    } catch (error) {
      if (error instanceof UpstreamError) return { stage: 'unknown', error: error.message };
      throw error;
    }
  }
}
