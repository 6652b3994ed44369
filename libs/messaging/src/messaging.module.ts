import { DynamicModule, Global, Module } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { BacklogMonitor } from './backlog.monitor';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EventConsumer } from './event-consumer';
import { EventPublisher } from './event-publisher';
import { InboxStore } from './inbox.store';
import { kafkaClientConfig } from './kafka-settings';
import { KafkaProbe } from './kafka.probe';
import { KAFKA_PRODUCER_CLIENT, MESSAGING_OPTIONS, MessagingOptions } from './messaging.tokens';

/** Producer, consume boundary and Kafka health for one service. Needs RedisModule (the inbox). */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: KAFKA_PRODUCER_CLIENT,
          useFactory: () =>
            new ClientKafka({
              client: kafkaClientConfig({ brokers: options.brokers, clientId: `${options.service}-producer` }),
              // Idempotent + acks=all: a retried send never duplicates and an ack means the broker has it.
              producer: {
                idempotent: true,
                maxInFlightRequests: 1,
                allowAutoTopicCreation: false,
                createPartitioner: Partitioners.DefaultPartitioner,
              },
              send: { acks: -1, timeout: 30000 },
              producerOnlyMode: true,
              postfixId: '',
            }),
        },
        EventPublisher,
        DeadLetterPublisher,
        InboxStore,
        EventConsumer,
        KafkaProbe,
        BacklogMonitor,
      ],
      exports: [EventPublisher, EventConsumer, KafkaProbe, BacklogMonitor, MESSAGING_OPTIONS],
    };
  }
}
