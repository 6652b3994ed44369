import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT } from '@newsflow/platform';
import Redis from 'ioredis';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.tokens';

/** Long enough to cover any redelivery window (rebalance, restart, replay of a day's backlog). */
const REMEMBER_SECONDS = 7 * 24 * 3600;

/**
 * Remembers which event ids a consumer group has fully handled, so a redelivered event is skipped.
 * Marked only after the handler's effects and output are durable: a crash in between means the
 * event is handled again, which the handlers' version checks make harmless. For the same reason the
 * inbox fails open: with Redis away, events are handled without the shortcut instead of stopping the
 * stage (logged once per outage).
 */
@Injectable()
export class InboxStore {
  private readonly logger = new Logger(InboxStore.name);
  private redisDown = false;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  private key(eventId: string): string {
    return `newsflow:inbox:${this.options.groupId}:${eventId}`;
  }

  async seen(eventId: string): Promise<boolean> {
    try {
      const exists = (await this.redis.exists(this.key(eventId))) === 1;
      this.recovered();
      return exists;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  async remember(eventId: string): Promise<void> {
    try {
      await this.redis.set(this.key(eventId), '1', 'EX', REMEMBER_SECONDS);
      this.recovered();
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    if (!this.redisDown) this.logger.warn({ msg: 'idempotency inbox unavailable (Redis); relying on version checks', error: String(error) });
    this.redisDown = true;
  }

  private recovered(): void {
    if (this.redisDown) this.logger.log({ msg: 'idempotency inbox back (Redis reachable)' });
    this.redisDown = false;
  }
}
