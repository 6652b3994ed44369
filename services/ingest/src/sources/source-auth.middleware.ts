import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { AuthenticatedRequest, authenticateSource } from './source-identity';
import { SourceKeysCache } from './source-keys.cache';

/**
 * Who is submitting, before anything else: a request without a valid key of an enabled source is
 * answered 401/403 before it takes a share of the submission budget or any of its body is read, so
 * clients without a key cannot hold the desks' uploads back by trickling bodies.
 */
@Injectable()
export class SourceAuthMiddleware implements NestMiddleware {
  constructor(private readonly sources: SourceKeysCache) {}

  use(req: AuthenticatedRequest, _res: Response, next: NextFunction): void {
    authenticateSource(req, this.sources).then(
      (source) => {
        req.source = source;
        next();
      },
      (error: unknown) => next(error),
    );
  }
}
