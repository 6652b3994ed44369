import { ArticleEnrichedPayload } from '@newsflow/contracts';
import Redis from 'ioredis';

export interface BackfillItem {
  payload: ArticleEnrichedPayload;
  correlationId: string;
  traceparent?: string;
  attempts: number;
  firstFailedAt: string;
}

/** Items outlive their due time only briefly; a forgotten one must not stay forever. */
const ITEM_TTL_SECONDS = 3 * 24 * 3600;

/**
 * Articles that left without weather, in Redis: a sorted set of members by next-attempt time, and
 * the payload beside it. Taking a member is a ZREM, so with several instances exactly one retries it.
 */
export class BackfillQueue {
  private readonly due: string;

  /** `scope` (the consumer group) keeps deployments sharing one Redis apart. */
  constructor(
    private readonly redis: Redis,
    private readonly scope: string,
  ) {
    this.due = `newsflow:weather:backfill:${scope}:due`;
  }

  private item(member: string): string {
    return `newsflow:weather:backfill:${this.scope}:item:${member}`;
  }

  static member(payload: ArticleEnrichedPayload): string {
    return `${payload.article.id}:${payload.article.version}`;
  }

  /** `at` may be days ahead (an embargo's end): the item is kept until then, and briefly after. */
  async schedule(entry: BackfillItem, at: number): Promise<void> {
    const member = BackfillQueue.member(entry.payload);
    const ttl = ITEM_TTL_SECONDS + Math.max(0, Math.ceil((at - Date.now()) / 1000));
    await this.redis.multi().set(this.item(member), JSON.stringify(entry), 'EX', ttl).zadd(this.due, at, member).exec();
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
    await this.redis.del(this.item(member));
  }

  async pending(): Promise<number> {
    return this.redis.zcard(this.due);
  }
}
