import { Controller, Get, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PipelineStage } from '@newsflow/contracts';
import { CallerKey } from '../http/caller-key.decorator';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { UpstreamClient } from '../upstream/upstream.client';

/**
 * Routes the services guard and that carry no text, so asking them says what a key may do without
 * reading anything: the indexer's index status (behind READ_API_KEYS, as search and articles are),
 * and a source id no one registers under ingest's admin API (its key guard runs first; past it,
 * the answer is a 404).
 */
const PROBES: Record<'articles' | 'deadLetters', { service: PipelineStage; path: string }> = {
  articles: { service: 'indexer', path: '/v1/index' },
  deadLetters: { service: 'ingest', path: '/v1/admin/sources/console-access-probe' },
};

/**
 * What the presented key (or no key) may read through the console, as the services decide it: the
 * sign-in form checks a key with it, and the page asks for one when reading articles needs a key.
 */
@ApiTags('console')
@ApiBearerAuth()
@Controller('api/access')
@UseFilters(ProblemDetailsFilter)
export class AccessHttpController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get()
  @ApiOkResponse({ description: '`articles` and `deadLetters`: true or false as the service answered the key, null when it could not be asked' })
  async access(@CallerKey() key: string | undefined) {
    const [articles, deadLetters] = await Promise.all([this.allows('articles', key), this.allows('deadLetters', key)]);
    return { keyPresented: key !== undefined, articles, deadLetters };
  }

  private async allows(reading: keyof typeof PROBES, key: string | undefined): Promise<boolean | null> {
    const { service, path } = PROBES[reading];
    try {
      const { status } = await this.upstream.text(service, path, key);
      if (status === 401 || status === 403) return false;
      return status < 500 ? true : null;
    } catch {
      return null;
    }
  }
}
