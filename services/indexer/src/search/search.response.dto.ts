import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of `GET /v1/search`; the controller returns plain objects of these shapes. */
export class SearchResultItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() headline!: string;
  @ApiPropertyOptional() summary?: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When this version, or the weather backfilled into it, was indexed' }) indexedAt!: string;
  @ApiProperty() sourceId!: string;
  @ApiProperty() language!: string;
  @ApiPropertyOptional() storyClusterId?: string;
  @ApiProperty() weatherStatus!: string;
  @ApiPropertyOptional({ description: 'name, lat, lon' }) primaryLocation?: { name: string; lat: number; lon: number };
  @ApiProperty({ type: Number, nullable: true, description: 'BM25F relevance when sorted by relevance; null when sorted by time' }) score!: number | null;
  @ApiPropertyOptional({ description: 'With collapse=cluster: matches in this hit\'s story cluster, itself included (the others: cluster=<storyClusterId>)' }) clusterMatches?: number;
  @ApiProperty({ description: 'Path of the complete article, with every stage section (GET it on this service)', example: '/v1/articles/0f8a1c2e-7a1b-5c3d-9e4f-111111111111' }) href!: string;
}

export class FacetCountDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() type?: string;
  @ApiProperty() count!: number;
}

export class SearchFacetsDto {
  @ApiProperty({ type: [FacetCountDto], description: 'Top people, organisations and events' }) entities!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) places!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) sources!: FacetCountDto[];
}

export class SearchResponseDto {
  @ApiProperty({ description: 'Matches of the whole search, not just this page' }) total!: number;
  @ApiProperty({ type: [SearchResultItemDto] }) items!: SearchResultItemDto[];
  @ApiProperty({ type: SearchFacetsDto, description: 'Counted over every match' }) facets!: SearchFacetsDto;
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` (with the same parameters) for the next page' }) nextCursor!: string | null;
}
