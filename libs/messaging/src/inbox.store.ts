import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT } from '@newsflow/platform';
import Redis from 'ioredis';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.tokens';

/** Long enough to cover any redelivery window (rebalance, restart, replay of a day's backlog). */
const REMEMBER_SECONDS = 7 * 24 * 3600;

/**
 * Remembers which event ids a consumer group has fully handled, so a redelivered event is skipped.
 * Marked only after the handler's effects and output are durable: a crash in between means the
 * event is handled again, which the handlers' version checks make harmless.
 */
@Injectable()
export class InboxStore {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  private key(eventId: string): string {
    return `newsflow:inbox:${this.options.groupId}:${eventId}`;
  }

  async seen(eventId: string): Promise<boolean> {
    return (await this.redis.exists(this.key(eventId))) === 1;
  }

  async remember(eventId: string): Promise<void> {
    await this.redis.set(this.key(eventId), '1', 'EX', REMEMBER_SECONDS);
  }
}
