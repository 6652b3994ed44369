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
 * LSH band keys in Redis. A band key holds only the id of the first story seen with it; the story
 * (its cluster and signature) is stored once beside them. Each band key used to hold the whole
 * entry, the ~600-byte signature included, so an article cost ~11 KB of Redis (13 band keys of
 * 856 bytes on the bench corpus; 285 MB of Redis by 26,000 articles) where it now costs ~2 KB.
 * Lookups are one MGET of the bands and one of the stories they name; registering is one pipeline
 * of SET NX (first story wins). Without Redis, clustering degrades to "every story is its own cluster".
 */
@Injectable()
export class StoryBandRepository {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Optional() @Inject(STORY_BAND_NAMESPACE) private readonly namespace = 'newsflow',
  ) {}

  private bandKey(band: string): string {
    return `newsflow:story-band:${this.namespace}:${band}`;
  }

  private storyKey(articleId: string): string {
    return `newsflow:story:${this.namespace}:${articleId}`;
  }

  async find(bands: string[]): Promise<StoryBand[]> {
    const values = await this.redis.mget(bands.map((b) => this.bandKey(b)));
    const found: StoryBand[] = [];
    const ids = new Set<string>();
    for (const value of values) {
      if (value === null) continue;
      // A band written before stories were stored apart holds the whole entry; it expires with its TTL.
      if (value.startsWith('{')) found.push(JSON.parse(value) as StoryBand);
      else ids.add(value);
    }
    if (ids.size === 0) return found;
    const stories = await this.redis.mget([...ids].map((id) => this.storyKey(id)));
    for (const story of stories) if (story !== null) found.push(JSON.parse(story) as StoryBand);
    return found;
  }

  async register(bands: string[], entry: StoryBand): Promise<void> {
    const pipeline = this.redis.pipeline();
    // The story first: a band that names it is never read before the story exists.
    pipeline.set(this.storyKey(entry.articleId), JSON.stringify(entry), 'EX', BAND_TTL_SECONDS);
    for (const band of bands) pipeline.set(this.bandKey(band), entry.articleId, 'EX', BAND_TTL_SECONDS, 'NX');
    await pipeline.exec();
  }
}
