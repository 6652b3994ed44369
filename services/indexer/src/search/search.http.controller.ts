import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ENTITY_TYPES, WEATHER_STATUSES } from '@newsflow/contracts';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { oneAtATime } from '../index/one-at-a-time';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { decodeCursor, encodeCursor, queryFingerprint } from './search-cursor';
import { releaseTimeOf } from './indexed-article';
import { SearchIndexService } from './search-index.service';
import { highlightHits } from './search-highlights';
import { DATE_FORMS, parseSearchParams } from './search-params';
import { SearchResponseDto } from './search.response.dto';

@ApiTags('search')
@Controller('v1/search')
@UseFilters(ProblemDetailsFilter)
export class SearchHttpController {
  constructor(
    private readonly index: SearchIndexService,
    private readonly documents: SearchDocumentRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Full-text search with filters, facets and cursor pagination' })
  @ApiQuery({ name: 'q', required: false, description: 'Words to find in headline, summary and body (max 500 characters). Any word matches (OR); articles holding more of them, in weightier fields, rank higher (BM25F). Quotes, `-`, AND/OR and `*` are read as plain text, not operators; English stop words are ignored unless written as an acronym (WHO, IT), so a query of only stop words finds nothing.' })
  @ApiQuery({ name: 'entity', required: false, description: 'Entity id (`person:valdecy-urquiza`) or name' })
  @ApiQuery({ name: 'entityType', required: false, enum: ENTITY_TYPES, description: 'Articles naming at least one entity of this type (independent of `entity`)' })
  @ApiQuery({ name: 'place', required: false, description: 'Place entity id or name' })
  @ApiQuery({ name: 'near', required: false, description: '`lat,lon` in decimal degrees', example: '31.63,-8.0' })
  @ApiQuery({ name: 'radiusKm', required: false, type: Number, description: 'With near; default 25' })
  @ApiQuery({ name: 'country', required: false, description: 'ISO 3166-1 alpha-2' })
  @ApiQuery({ name: 'from', required: false, description: `releasedAt (publishedAt, or the embargo's end when later) at or after. ${DATE_FORMS}; a date counts from its start (UTC)` })
  @ApiQuery({ name: 'to', required: false, description: `releasedAt at or before. ${DATE_FORMS}; a date counts through its end (UTC)` })
  @ApiQuery({ name: 'indexedSince', required: false, description: `indexed at or after: what is new or changed since a poll, corrections, backfilled weather and released embargoes (counted from their release) included. ${DATE_FORMS}` })
  @ApiQuery({ name: 'source', required: false })
  @ApiQuery({ name: 'lang', required: false, description: 'BCP 47; `en` also matches `en-GB`' })
  @ApiQuery({ name: 'weather', required: false, enum: WEATHER_STATUSES })
  @ApiQuery({ name: 'cluster', required: false, description: 'storyClusterId' })
  @ApiQuery({ name: 'collapse', required: false, enum: ['cluster'], description: 'One hit per story cluster (the same story from several sources or rewrites): the best ranked, with `clusterMatches`; `total` and facets then count clusters' })
  @ApiQuery({ name: 'sort', required: false, enum: ['relevance', 'time'], description: 'Default: relevance with q, else time (newest releasedAt first: a story released from embargo sorts at its release)' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–100, default 20' })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page' })
  @ApiQuery({ name: 'highlight', required: false, enum: ['true', 'false'], description: 'With q: each hit carries `highlights`, its matched words marked in the headline, summary and up to three body fragments (read from the store for the page\'s hits, so off by default; limit at most 20). Without q: 400.' })
  @ApiOkResponse({ type: SearchResponseDto })
  @ApiBadRequestResponse({ description: 'application/problem+json naming the refused `parameter`' })
  async search(@Query() query: Record<string, unknown>): Promise<SearchResponseDto> {
    const params = parseSearchParams(query);
    const { cursor } = params;
    // The page size and highlighting may change between pages; everything else must stay the same.
    const fingerprint = queryFingerprint({ ...params, cursor: undefined, limit: undefined, highlight: undefined });
    const outcome = this.index.search(params, cursor ? decodeCursor(cursor, fingerprint) : undefined);
    const last = outcome.hits.at(-1);
    const q = params.q;
    // One highlighted page at a time per instance: its passes over the hits' text are CPU that plain
    // searches and the indexing consumer share (three clients at once slowed both, security audit).
    const highlights = params.highlight && q ? await oneAtATime('search:highlights', () => highlightHits(this.documents, q, outcome.hits.map((hit) => hit.article))) : undefined;
    return {
      total: outcome.total,
      items: outcome.hits.map(({ article: a, key, clusterMatches }, i) => ({
        id: a.id, version: a.version, headline: a.headline, ...(a.summary ? { summary: a.summary } : {}),
        publishedAt: new Date(a.publishedAt).toISOString(), releasedAt: new Date(releaseTimeOf(a)).toISOString(),
        ...(a.expiresAt !== undefined ? { expiresAt: new Date(a.expiresAt).toISOString() } : {}),
        indexedAt: new Date(a.indexedAt).toISOString(), sourceId: a.sourceId, language: a.language,
        ...(a.storyClusterId ? { storyClusterId: a.storyClusterId } : {}), weatherStatus: a.weatherStatus,
        ...(a.primaryLocation ? { primaryLocation: a.primaryLocation } : {}), score: key.score, href: `/v1/articles/${a.id}`,
        ...(clusterMatches !== undefined ? { clusterMatches } : {}),
        ...(highlights ? { highlights: highlights[i] } : {}),
      })),
      facets: outcome.facets,
      nextCursor: outcome.hasMore && last ? encodeCursor(fingerprint, last.key, outcome.basis) : null,
    };
  }
}
