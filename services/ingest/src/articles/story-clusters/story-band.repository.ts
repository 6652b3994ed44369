import { Inject, Injectable, Optional } from '@nestjs/common';
import { REDIS_CLIENT } from '@newsflow/platform';
import Redis from 'ioredis';

/** The first story seen with an LSH band key. */
export interface StoryBand {
  articleId: string;
  storyClusterId: string;
  minhash: number[];
}

/** Republications of a story arrive within days; older bands expire instead of growing without bound. */
const BAND_TTL_SECONDS = 14 * 24 * 3600;
/** Separates datasets sharing one Redis (the MongoDB database name in the service). */
export const STORY_BAND_NAMESPACE = Symbol('STORY_BAND_NAMESPACE');

/**
 * LSH band keys in Redis: one MGET finds every candidate, one pipeline of SET NX registers a story
 * (first story wins). Without Redis, clustering degrades to "every story is its own cluster".
 */
@Injectable()
export class StoryBandRepository {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Optional() @Inject(STORY_BAND_NAMESPACE) private readonly namespace = 'newsflow',
  ) {}

  private key(band: string): string {
    return `newsflow:story-band:${this.namespace}:${band}`;
  }

  async find(bands: string[]): Promise<StoryBand[]> {
    const values = await this.redis.mget(bands.map((b) => this.key(b)));
    return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as StoryBand);
  }

  async register(bands: string[], entry: StoryBand): Promise<void> {
    const value = JSON.stringify(entry);
    const pipeline = this.redis.pipeline();
    for (const band of bands) pipeline.set(this.key(band), value, 'EX', BAND_TTL_SECONDS, 'NX');
    await pipeline.exec();
  }
}
