import { Inject, Injectable } from '@nestjs/common';
import { ClientKafka, KafkaContext } from '@nestjs/microservices';
import { counter } from '@newsflow/platform';
import { lastValueFrom } from 'rxjs';
import { KAFKA_PRODUCER_CLIENT, MESSAGING_OPTIONS, MessagingOptions } from './messaging.tokens';

const deadLettered = counter('newsflow_messages_dead_lettered_total', 'Messages parked on a dead-letter topic', [
  'topic',
  'code',
]);

export interface DeadLetterReason {
  code: string;
  message: string;
  deadLetterTopic: string;
}

/** Parks an unprocessable message with everything needed to inspect and replay it later. */
@Injectable()
export class DeadLetterPublisher {
  constructor(
    @Inject(KAFKA_PRODUCER_CLIENT) private readonly client: ClientKafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async park(context: KafkaContext, reason: DeadLetterReason): Promise<void> {
    const message = context.getMessage();
    const original = Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([k, v]) => [k, v === undefined ? '' : String(v)]),
    );
    const value = typeof message.value === 'string' || Buffer.isBuffer(message.value) ? message.value : JSON.stringify(message.value);
    const headers = {
      ...original,
      'dlq-original-topic': context.getTopic(),
      'dlq-original-partition': String(context.getPartition()),
      'dlq-original-offset': String(message.offset),
      'dlq-original-timestamp': String(message.timestamp),
      'dlq-stage': this.options.service,
      'dlq-error-code': reason.code,
      'dlq-error-message': reason.message.slice(0, 2000),
      'dlq-failed-at': new Date().toISOString(),
    };
    const key = message.key === null || message.key === undefined ? null : String(message.key);
    await lastValueFrom(this.client.emit(reason.deadLetterTopic, { key, value, headers }), { defaultValue: undefined });
    deadLettered.inc({ topic: context.getTopic(), code: reason.code });
  }
}
