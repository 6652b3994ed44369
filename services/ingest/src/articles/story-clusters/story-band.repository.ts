import { Inject, Injectable, Optional } from '@nestjs/common';
import { REDIS_CLIENT } from '@newsflow/platform';
import Redis from 'ioredis';

/** The first story seen with an LSH band key. */
export interface StoryBand {
  articleId: string;
  storyClusterId: string;
  minhash: number[];
  /** The story's publishedAt (ISO 8601), for the finder's time window; absent on stories registered before 2026-12-08. */
  publishedAt?: string;
  /** The numbers of its headline and first paragraph (see lede-numbers.ts); absent on stories registered before 2026-12-08. */
  ledeNumbers?: string[];
}

/** Republications of a story arrive within days; older bands expire instead of growing without bound. */
const BAND_TTL_SECONDS = 14 * 24 * 3600;
/**
 * The story first, then each band that does not name a story yet: a band that names the story is never
 * read before the story exists. One command instead of a pipeline of 17 SETs, which cost ioredis ~3×
 * the client CPU (~210 against ~75 µs an article here; bench/README.md).
 */
const REGISTER_STORY = `
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
for i = 2, #KEYS do redis.call('SET', KEYS[i], ARGV[2], 'EX', ARGV[3], 'NX') end
return #KEYS - 1`;

type StoryScripts = Redis & { newsflowRegisterStory(keyCount: number, ...keysThenArgs: (string | number)[]): Promise<number> };

/** Separates datasets sharing one Redis (the MongoDB database name in the service). */
export const STORY_BAND_NAMESPACE = Symbol('STORY_BAND_NAMESPACE');

/**
 * LSH band keys in Redis. A band key holds only the id of the first story seen with it; the story
 * (its cluster and signature) is stored once beside them. Each band key used to hold the whole
 * entry, the ~600-byte signature included, so an article cost ~11 KB of Redis (13 band keys of
 * 856 bytes on the bench corpus; 285 MB of Redis by 26,000 articles) where it now costs ~2 KB.
 * Lookups are one MGET of the bands and one of the stories they name; registering is one script
 * (first story wins each band). Without Redis, clustering degrades to "every story is its own cluster".
 */
@Injectable()
export class StoryBandRepository {
  private readonly redis: StoryScripts;

  constructor(
    @Inject(REDIS_CLIENT) redis: Redis,
    @Optional() @Inject(STORY_BAND_NAMESPACE) private readonly namespace = 'newsflow',
  ) {
    // ioredis sends EVALSHA, and the script itself when Redis does not know it yet (after a restart).
    redis.defineCommand('newsflowRegisterStory', { lua: REGISTER_STORY });
    this.redis = redis as StoryScripts;
  }

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
    const keys = [this.storyKey(entry.articleId), ...bands.map((b) => this.bandKey(b))];
    await this.redis.newsflowRegisterStory(keys.length, ...keys, JSON.stringify(entry), entry.articleId, BAND_TTL_SECONDS);
  }
}
