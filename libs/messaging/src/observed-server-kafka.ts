import { ServerKafka } from '@nestjs/microservices';
import { Consumer } from 'kafkajs';

/**
 * Nest's Kafka server, plus a promise that resolves when the consumer has joined its group and got
 * its partitions: until then a stage is not really consuming, so it must not report ready (and a
 * group that starts at the latest offsets would miss what is published meanwhile).
 */
export class ObservedServerKafka extends ServerKafka {
  private resolveJoined!: () => void;
  readonly joined = new Promise<void>((resolve) => (this.resolveJoined = resolve));

  override async bindEvents(consumer: Consumer): Promise<void> {
    consumer.on(consumer.events.GROUP_JOIN, () => this.resolveJoined());
    await super.bindEvents(consumer);
  }
}
