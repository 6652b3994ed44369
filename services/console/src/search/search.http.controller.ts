import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CallerKey } from '../http/caller-key.decorator';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { UpstreamClient } from '../upstream/upstream.client';

/**
 * The indexer's search, relayed unchanged: the indexer validates every parameter and its 400 names
 * the bad one, so the console passes the query on as it came, with its user's key.
 */
@ApiTags('console')
@ApiBearerAuth()
@Controller('api/search')
@UseFilters(ProblemDetailsFilter)
export class SearchHttpController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get()
  @ApiOkResponse({ description: "The indexer's GET /v1/search answer: total, items, facets, nextCursor" })
  search(@Query() query: Record<string, unknown>, @CallerKey() key: string | undefined) {
    const params = new URLSearchParams();
    // A repeated parameter stays repeated, so the indexer refuses it by name.
    for (const [name, value] of Object.entries(query)) for (const one of [value].flat()) params.append(name, String(one));
    return this.upstream.json('indexer', `/v1/search?${params.toString()}`, { key, reading: 'search' });
  }
}
