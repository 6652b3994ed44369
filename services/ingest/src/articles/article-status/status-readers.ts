import { Inject, Injectable } from '@nestjs/common';
import { isReadKey, presentedKey, sameSecret } from '@newsflow/platform';
import type { Request } from 'express';
import { INGEST_CONFIG, IngestConfig } from '../../config/ingest.config';
import { hashApiKey } from '../../sources/api-key';
import { SourceKeysCache } from '../../sources/source-keys.cache';
import { InputProblem } from '../formats/input-problem';

/** Any article's status, or only the articles of this source. */
export type StatusReader = { anyArticle: true } | { anyArticle: false; sourceId: string };

/**
 * Who may read an article's status. Without READ_API_KEYS, anyone (as before). With them: a read key
 * or the admin key reads any article's; a desk's own source key, which it already sends with its
 * submissions, reads the status URL its 202 gave it, and nothing of another source's.
 */
@Injectable()
export class StatusReaders {
  constructor(
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    private readonly sources: SourceKeysCache,
  ) {}

  async identify(request: Request): Promise<StatusReader> {
    const keys = this.config.READ_API_KEYS;
    if (!keys) return { anyArticle: true };
    const given = presentedKey(request);
    const admin = this.config.ADMIN_API_KEY;
    if (isReadKey(keys, given) || (given && admin && sameSecret(given, admin))) return { anyArticle: true };
    const source = given ? await this.sources.findByKeyHash(hashApiKey(given)) : null;
    if (source && !source.disabled) return { anyArticle: false, sourceId: source._id };
    throw given
      ? new InputProblem(401, 'read-key-invalid', 'the key is neither a read key nor the key of an enabled source', undefined, { 'WWW-Authenticate': 'Bearer' })
      : new InputProblem(401, 'read-key-missing', 'send a read key (READ_API_KEYS) or your source key as "Authorization: Bearer <key>" or "X-Api-Key"', undefined, { 'WWW-Authenticate': 'Bearer' });
  }
}
