import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SearchIndexService, SearchIndexStatus } from './search-index.service';

@ApiTags('search')
@Controller('v1/index')
export class IndexStatusHttpController {
  constructor(private readonly searchIndex: SearchIndexService) {}

  /** What ops look at during `npm run reindex`: which collection this instance serves, and any rebuild under way. */
  @Get()
  @ApiOkResponse({ description: 'The search collection this instance serves, its article count, and a reindex in progress if any' })
  status(): SearchIndexStatus {
    return this.searchIndex.status();
  }
}
