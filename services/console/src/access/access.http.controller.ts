import { Controller, Get, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CallerKey } from '../http/caller-key.decorator';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { KeyAccessService } from './key-access.service';

/**
 * What the presented key (or no key) may read through the console, as the services decide it: the
 * sign-in form checks a key with it, and the page asks for one when reading articles needs a key.
 */
@ApiTags('console')
@ApiBearerAuth()
@Controller('api/access')
@UseFilters(ProblemDetailsFilter)
export class AccessHttpController {
  constructor(private readonly keys: KeyAccessService) {}

  @Get()
  @ApiOkResponse({ description: '`articles` and `deadLetters`: true or false as the service answered the key, null when it could not be asked' })
  async access(@CallerKey() key: string | undefined) {
    const [articles, deadLetters] = await Promise.all([this.keys.allows('articles', key), this.keys.allows('deadLetters', key)]);
    return { keyPresented: key !== undefined, articles, deadLetters };
  }
}
