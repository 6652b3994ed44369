import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT } from '@newsflow/platform';
import Redis from 'ioredis';
import { Source, SourceRepository } from './source.repository';

/** Bumped by every change to a source; shared by all ingest instances. */
export const SOURCES_GENERATION_KEY = 'newsflow:ingest:sources:generation';
/** Also without a change: the cached source's name and limit are at most this old. */
const MAX_AGE_MS = 60_000;

interface Entry {
  source: Source;
  generation: string | null;
  expiresAt: number;
}

/**
 * The source behind an API key, for every submission, without a database query each time: on
 * FerretDB a lookup costs ~1 ms of its CPU, more than the rest of authenticating. A cached source is
 * used only while the sources' generation in Redis is the one it was read under, and every change
 * bumps that generation after writing, so a rotated key or a disabled source stops working on every
 * instance at once. Unknown keys are not cached (a new key works at once). Without Redis, every
 * lookup goes to the database.
 */
@Injectable()
export class SourceKeysCache {
  private readonly logger = new Logger(SourceKeysCache.name);
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly sources: SourceRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  async findByKeyHash(keyHash: string, now = Date.now()): Promise<Source | null> {
    // Read before the database, so a source read under a generation is at least as new as the change that set it.
    const generation = await this.generation();
    const cached = this.entries.get(keyHash);
    if (cached && generation !== undefined && cached.generation === generation && cached.expiresAt > now) return cached.source;
    this.entries.delete(keyHash);
    const source = await this.sources.findByKeyHash(keyHash);
    if (source && generation !== undefined) this.entries.set(keyHash, { source, generation, expiresAt: now + MAX_AGE_MS });
    return source;
  }

  /** After a source was created or changed: other instances drop what they cached. */
  async changed(): Promise<void> {
    this.entries.clear();
    try {
      await this.redis.incr(SOURCES_GENERATION_KEY);
    } catch (error) {
      this.logger.warn({ msg: `Redis unreachable: other ingest instances may use the source as it was for up to ${MAX_AGE_MS / 1000} s`, error: String(error) });
    }
  }

  /** undefined when Redis cannot say: nothing is cached or served from the cache then. */
  private async generation(): Promise<string | null | undefined> {
    try {
      return await this.redis.get(SOURCES_GENERATION_KEY);
    } catch {
      return undefined;
    }
  }
}
