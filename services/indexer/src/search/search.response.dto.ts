import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of `GET /v1/search`; the controller returns plain objects of these shapes. */
export class SearchHighlightsDto {
  @ApiPropertyOptional({ description: 'The whole headline as HTML when a word of q matches it: the text HTML-escaped, each match in <mark>…</mark> (no other tags), safe to insert as HTML', example: 'Floods in <mark>São</mark> <mark>Paulo</mark> leave thousands homeless' })
  headline?: string;
  @ApiPropertyOptional({ description: 'The whole summary, as the headline, when a word of q matches it' })
  summary?: string;
  @ApiProperty({ type: [String], description: 'Up to three fragments of the body (about 180 characters each, cut at spaces, `…` where cut) around its best passages (most distinct words of q, then most matches), in the order they appear; HTML as the headline. Only the first 20,000 characters of a body are scanned. Empty when the body shows no match there', example: ['…rain fell on <mark>São</mark> <mark>Paulo</mark> overnight, and the river…'] })
  body!: string[];
  @ApiProperty({ type: [String], description: 'The words of q, as written, that this article matched (a word that matched nothing here is left out); matching is the search\'s own: folded accents, stems, CJK character pairs, stop words ignored', example: ['sao', 'paulo'] })
  matchedTerms!: string[];
  @ApiProperty({ type: [String], description: 'The spellings in the article that were marked, each once (at most 20): for a client that marks plain text itself', example: ['São', 'Paulo'] })
  matchedWords!: string[];
}

export class SearchResultItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() headline!: string;
  @ApiPropertyOptional() summary?: string;
  @ApiProperty({ format: 'date-time', description: 'The story\'s first-created time, as its source gave it' }) publishedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the story went public: publishedAt, or the end of its embargo when that is later. Time order and from/to go by it; a story released from embargo is counted by indexedSince from then, so its indexedAt may lie before the indexedSince that found it' }) releasedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The source\'s expiry: the article is listed and served until then, not from then on' }) expiresAt?: string;
  @ApiProperty({ format: 'date-time', description: 'When this version, or the weather backfilled into it, was indexed' }) indexedAt!: string;
  @ApiProperty() sourceId!: string;
  @ApiProperty() language!: string;
  @ApiPropertyOptional() storyClusterId?: string;
  @ApiProperty() weatherStatus!: string;
  @ApiPropertyOptional({ description: 'name, lat, lon' }) primaryLocation?: { name: string; lat: number; lon: number };
  @ApiProperty({ type: Number, nullable: true, description: 'BM25F relevance when sorted by relevance; null when sorted by time' }) score!: number | null;
  @ApiPropertyOptional({ description: 'With collapse=cluster: matches in this hit\'s story cluster, itself included (the others: cluster=<storyClusterId>)' }) clusterMatches?: number;
  @ApiPropertyOptional({ type: SearchHighlightsDto, description: 'With highlight=true: on every hit, why it matched (empty when this version\'s text cannot be shown or no match lies in what is scanned)' }) highlights?: SearchHighlightsDto;
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
