import { createHash } from 'node:crypto';
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
  /** The names of its headline and first paragraph, the headline's first (lede-names.ts); absent on stories registered before 2026-12-08's second signal. */
  names?: string[];
  /** How many of `names` its headline holds. */
  headlineNames?: number;
  /** The content words of its headline and first paragraph (lede-words.ts). */
  ledeWords?: string[];
}

/** Republications of a story arrive within days; older bands expire instead of growing without bound. */
const BAND_TTL_SECONDS = 14 * 24 * 3600;
/** A name-pair key finds rewrites of the same event, which arrive within hours (same-event.ts). */
const NAME_KEY_TTL_SECONDS = 24 * 3600;
/**
 * The story first, then each band that does not name a story yet: a band that names the story is never
 * read before the story exists. One command instead of a pipeline of 17 SETs, which cost ioredis ~3×
 * the client CPU (~210 against ~75 µs an article here; bench/README.md). The name-pair keys after the
 * ARGV[4] bands name the latest story with the pair: the story of the day with those names, not the first
 * of the fortnight.
 */
const REGISTER_STORY = `
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
local bands = tonumber(ARGV[4])
for i = 2, bands + 1 do redis.call('SET', KEYS[i], ARGV[2], 'EX', ARGV[3], 'NX') end
for i = bands + 2, #KEYS do redis.call('SET', KEYS[i], ARGV[2], 'EX', ARGV[5]) end
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

  /** Hashed: a pair of names is often a person's, and a key name is listed by SCAN, outliving a purge for its 24 hours. */
  private nameKey(pair: string): string {
    return `newsflow:story-names:${this.namespace}:${createHash('sha256').update(pair).digest('base64url').slice(0, 22)}`;
  }

  private storyKey(articleId: string): string {
    return `newsflow:story:${this.namespace}:${articleId}`;
  }

  /** The stories named by any of the band keys or name-pair keys, in one MGET (and one of the stories). */
  async find(bands: string[], namePairs: string[] = []): Promise<StoryBand[]> {
    const values = await this.redis.mget([...bands.map((b) => this.bandKey(b)), ...namePairs.map((p) => this.nameKey(p))]);
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

  async register(bands: string[], entry: StoryBand, namePairs: string[] = []): Promise<void> {
    const keys = [this.storyKey(entry.articleId), ...bands.map((b) => this.bandKey(b)), ...namePairs.map((p) => this.nameKey(p))];
    await this.redis.newsflowRegisterStory(keys.length, ...keys, JSON.stringify(entry), entry.articleId, BAND_TTL_SECONDS, bands.length, NAME_KEY_TTL_SECONDS);
  }
}
