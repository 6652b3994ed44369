import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { InputProblem } from '../articles/formats/input-problem';
import { hashApiKey } from './api-key';
import { RateLimiter } from './rate-limiter';
import { SourceKeysCache } from './source-keys.cache';
import { Source } from './source.repository';

export type AuthenticatedRequest = Request & { source?: Source };

/** `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
export function presentedKey(req: Request): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const header = req.headers['x-api-key'];
  return bearer ?? (typeof header === 'string' && header.trim() ? header.trim() : undefined);
}

/** Who is submitting: 401 without a valid key, 403 for a disabled source, 429 past its rate limit. */
@Injectable()
export class SourceAuthGuard implements CanActivate {
  constructor(
    private readonly sources: SourceKeysCache,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = presentedKey(req);
    if (!key) throw new InputProblem(401, 'api-key-missing', 'send the source API key as "Authorization: Bearer <key>" or "X-Api-Key"', undefined, { 'WWW-Authenticate': 'Bearer' });
    const source = await this.sources.findByKeyHash(hashApiKey(key));
    if (!source) throw new InputProblem(401, 'api-key-unknown', 'the API key is not valid (rotated or never issued)', undefined, { 'WWW-Authenticate': 'Bearer' });
    if (source.disabled) throw new InputProblem(403, 'source-disabled', `source ${source._id} is disabled`);
    const decision = await this.limiter.take(source._id, source.rateLimitPerMinute);
    if (!decision.allowed) {
      throw new InputProblem(429, 'rate-limited', `source ${source._id} may submit ${source.rateLimitPerMinute} requests a minute`, undefined, {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }
    req.source = source;
    return true;
  }
}
