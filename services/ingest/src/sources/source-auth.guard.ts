import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InputProblem } from '../articles/formats/input-problem';
import { RateLimiter } from './rate-limiter';
import { AuthenticatedRequest, authenticateSource } from './source-identity';
import { SourceKeysCache } from './source-keys.cache';
import { Source } from './source.repository';

/**
 * The source's rate limit, once SourceAuthMiddleware has said who is submitting (it runs first, before
 * the body is read); routes without that middleware are authenticated here.
 */
/** On a handler that charges the rate limit itself, once it knows how many articles the request holds (a batch). */
export const ChargesPerArticle = () => SetMetadata(CHARGES_PER_ARTICLE, true);
const CHARGES_PER_ARTICLE = 'newsflow:charges-per-article';

@Injectable()
export class SourceAuthGuard implements CanActivate {
  constructor(
    private readonly sources: SourceKeysCache,
    private readonly limiter: RateLimiter,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const source = req.source ?? (await authenticateSource(req, this.sources));
    if (!this.reflector.get<boolean>(CHARGES_PER_ARTICLE, context.getHandler())) await takeRate(this.limiter, source, 1);
    req.source = source;
    return true;
  }
}

/**
 * Charges `articles` to the source's limit for this minute: 429 with Retry-After past it, and nothing
 * charged then. `batch`: the size of the batch they belong to, for the message.
 */
export async function takeRate(limiter: RateLimiter, source: Source, articles: number, batch?: number): Promise<void> {
  const decision = await limiter.take(source._id, source.rateLimitPerMinute, Date.now(), articles);
  if (decision.allowed) return;
  const what = batch ? `; this batch of ${batch} would go past it` : '';
  throw new InputProblem(429, 'rate-limited', `source ${source._id} may submit ${source.rateLimitPerMinute} articles a minute${what}`, undefined, {
    'Retry-After': String(decision.retryAfterSeconds),
  });
}
