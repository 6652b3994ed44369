import { ArticleEnrichedPayload } from '@newsflow/contracts';
import Redis from 'ioredis';
import { backfillMember, supersededMembers } from './superseded-members';

export interface BackfillItem {
  payload: ArticleEnrichedPayload;
  correlationId: string;
  traceparent?: string;
  attempts: number;
  firstFailedAt: string;
}

/** Why an item waits: the provider failed (`backfill`), or an embargo's release is still to come (`release`). */
export type BackfillKind = 'backfill' | 'release';

export interface PendingCounts {
  /** Items waiting for weather the provider failed to give, and refreshes whose release has come. */
  backlog: number;
  /** Refreshes scheduled for a release still to come: waiting is their job, not a backlog. */
  releases: number;
}

/** Items outlive their due time only briefly; a forgotten one must not stay forever. */
const ITEM_TTL_SECONDS = 3 * 24 * 3600;

/**
 * Raises an article's latest version seen, never lowers it (a replayed old version must not hide a
 * correction); the TTL is renewed either way.
 */
const RAISE_LATEST = `
local current = tonumber(redis.call('GET', KEYS[1]))
local version = tonumber(ARGV[1])
if current == nil or version > current then
  redis.call('SET', KEYS[1], version, 'EX', ARGV[2])
  return version
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return current
`;

/**
 * Articles that left without weather, in Redis: a sorted set of members by next-attempt time, and
 * the payload beside it. Taking a member is a ZREM, so with several instances exactly one retries it.
 * Refreshes for a release still to come are also named in a second sorted set, so the gauges can
 * tell them from a backlog. Per article, the latest version that passed the stage: an older
 * version's entry is dropped when a newer one passes, and one taken by another instance meanwhile
 * is not sent.
 */
export class BackfillQueue {
  private readonly due: string;
  private readonly releases: string;

  /** `scope` (the consumer group) keeps deployments sharing one Redis apart. */
  constructor(
    private readonly redis: Redis,
    private readonly scope: string,
  ) {
    this.due = `newsflow:weather:backfill:${scope}:due`;
    this.releases = `newsflow:weather:backfill:${scope}:releases`;
  }

  private item(member: string): string {
    return `newsflow:weather:backfill:${this.scope}:item:${member}`;
  }

  /**
   * Lives as long as a queue item and is renewed by every version: the older versions' entries go
   * when the newer one passes, so it only has to outlive a lookup in flight on another instance and
   * catch an older version replayed later.
   */
  private latest(articleId: string): string {
    return `newsflow:weather:backfill:${this.scope}:latest:${articleId}`;
  }

  static member(payload: ArticleEnrichedPayload): string {
    return backfillMember(payload.article.id, payload.article.version);
  }

  /** `at` may be days ahead (an embargo's end): the item is kept until then, and briefly after. */
  async schedule(entry: BackfillItem, at: number, kind: BackfillKind = 'backfill'): Promise<void> {
    const member = BackfillQueue.member(entry.payload);
    const ttl = ITEM_TTL_SECONDS + Math.max(0, Math.ceil((at - Date.now()) / 1000));
    const tx = this.redis.multi().set(this.item(member), JSON.stringify(entry), 'EX', ttl).zadd(this.due, at, member);
    if (kind === 'release') tx.zadd(this.releases, at, member);
    else tx.zrem(this.releases, member);
    await exec(tx);
  }

  /** Due members this instance won; their items are returned and stay stored until `done`. */
  async takeDue(now: number, limit: number): Promise<Array<{ member: string; entry: BackfillItem }>> {
    const members = await this.redis.zrangebyscore(this.due, '-inf', now, 'LIMIT', 0, limit);
    const taken: Array<{ member: string; entry: BackfillItem }> = [];
    for (const member of members) {
      if ((await this.redis.zrem(this.due, member)) !== 1) continue;
      const raw = await this.redis.get(this.item(member));
      if (raw) taken.push({ member, entry: JSON.parse(raw) as BackfillItem });
    }
    return taken;
  }

  async done(member: string): Promise<void> {
    await exec(this.redis.multi().del(this.item(member)).zrem(this.releases, member));
  }

  /**
   * Records that `version` of the article passed the stage and drops the entries it makes obsolete
   * (earlier versions; every version for a kill). Returns how many queued entries went.
   */
  async supersede(articleId: string, version: number, canceled: boolean): Promise<number> {
    // A first version makes nothing obsolete, and "latest seen" only has to outrank older versions,
    // which it has none of: most articles never get a second, so this spares a Redis round trip each.
    if (version === 1 && !canceled) return 0;
    const members = supersededMembers(articleId, version, canceled);
    // The latest version first: an instance that took an older entry checks it before sending.
    const tx = this.redis.multi().eval(RAISE_LATEST, 1, this.latest(articleId), version, ITEM_TTL_SECONDS);
    if (members.length > 0) tx.zrem(this.due, ...members).zrem(this.releases, ...members).del(...members.map((m) => this.item(m)));
    const results = await exec(tx);
    return members.length > 0 ? Number(results[1]) : 0;
  }

  /** Whether a later version of the article (a correction or a kill) has passed the stage. */
  async superseded(payload: ArticleEnrichedPayload): Promise<boolean> {
    const latest = Number((await this.redis.get(this.latest(payload.article.id))) ?? 0);
    return latest > payload.article.version;
  }

  async pending(now: number): Promise<PendingCounts> {
    // Past releases leave the second set; the intersection skips members dropped from the queue
    // by other means (a purge knows only the first).
    const [, total, releases] = await exec(
      this.redis.multi().zremrangebyscore(this.releases, '-inf', now).zcard(this.due).zintercard(2, this.due, this.releases),
    );
    return { backlog: Number(total) - Number(releases), releases: Number(releases) };
  }
}

/** A transaction's results; the first failed command's error is thrown. */
async function exec(tx: ReturnType<Redis['multi']>): Promise<unknown[]> {
  const results = (await tx.exec()) ?? [];
  for (const [error] of results) if (error) throw error;
  return results.map(([, result]) => result);
}
