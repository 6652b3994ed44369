import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PipelineStage } from '@newsflow/contracts';
import { UpstreamClient } from '../upstream/upstream.client';

export type Reading = 'articles' | 'deadLetters';

/**
 * Routes the services guard and that carry no text, so asking them says what a key may do without
 * reading anything: the indexer's index status (behind READ_API_KEYS, as search and articles are),
 * and a source id no one registers under ingest's admin API (its key guard runs first; past it,
 * the answer is a 404).
 */
const PROBES: Record<Reading, { service: PipelineStage; path: string }> = {
  articles: { service: 'indexer', path: '/v1/index' },
  deadLetters: { service: 'ingest', path: '/v1/admin/sources/console-access-probe' },
};

/** The overview is polled every few seconds by every open page: a key's answer is reused this long. */
const REMEMBER_MS = 10_000;
/** Past this many distinct keys remembered, the memory starts over (keys guessed at random must not grow it). */
const MAX_REMEMBERED = 256;

/**
 * What a presented key (or no key) may read, as the services decide it: the console holds no key
 * and keeps no list of keys, so it asks the service that guards the reading.
 */
@Injectable()
export class KeyAccessService {
  private readonly remembered = new Map<string, { at: number; answer: Promise<boolean> }>();

  constructor(private readonly upstream: UpstreamClient) {}

  /** true or false as the service answered the key, null when it could not be asked. */
  async allows(reading: Reading, key: string | undefined): Promise<boolean | null> {
    const { service, path } = PROBES[reading];
    try {
      const { status } = await this.upstream.text(service, path, key);
      if (status === 401 || status === 403) return false;
      return status < 500 ? true : null;
    } catch {
      return null;
    }
  }

  /**
   * Whether the caller may see the pipeline's internals (service addresses, health error text such
   * as a database host): anyone a service lets read articles or dead letters, which is everyone in
   * a deployment that sets no keys. Remembered briefly per key, by its hash.
   */
  async maySeeInternals(key: string | undefined): Promise<boolean> {
    const id = key === undefined ? '' : createHash('sha256').update(key).digest('base64url');
    const now = Date.now();
    const known = this.remembered.get(id);
    if (known && now - known.at < REMEMBER_MS) return known.answer;
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    const answer = Promise.all([this.allows('articles', key), this.allows('deadLetters', key)]).then(([a, d]) => a === true || d === true);
    this.remembered.set(id, { at: now, answer });
    return answer;
  }
}
