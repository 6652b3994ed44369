import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { InputProblem } from '../articles/formats/input-problem';
import { INGEST_CONFIG, IngestConfig } from '../config/ingest.config';
import { presentedKey, sameSecret } from '@newsflow/platform';

/** The admin API exists only when ADMIN_API_KEY is configured, and answers only to that key. */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  constructor(@Inject(INGEST_CONFIG) private readonly config: IngestConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.ADMIN_API_KEY;
    if (!expected) throw new InputProblem(401, 'admin-disabled', 'the admin API is disabled: set ADMIN_API_KEY on ingest');
    const given = presentedKey(context.switchToHttp().getRequest<Request>());
    if (!given || !sameSecret(given, expected)) throw new InputProblem(401, 'admin-key-invalid', 'a valid admin key is required', undefined, { 'WWW-Authenticate': 'Bearer' });
    return true;
  }
}
