import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { Article, assertPayload, Envelope, eventHeaders, PayloadOf, TOPIC_CONTRACTS, TopicName } from '@newsflow/contracts';
import { counter, startProducerSpan } from '@newsflow/platform';
import { randomUUID } from 'node:crypto';
import { KAFKA_PRODUCER_CLIENT, MESSAGING_OPTIONS, MessagingOptions } from './messaging.tokens';
import { envelopeValue } from './payload-json';
import { SendCoalescer } from './send-coalescer';
import { childTraceparent } from './trace-context';

const produced = counter('newsflow_messages_produced_total', 'Events acknowledged by the broker', ['topic']);
const produceFailed = counter('newsflow_messages_produce_failed_total', 'Events the broker did not acknowledge', ['topic']);

export interface PublishContext {
  correlationId: string;
  /** The traceparent of the request or event that caused this one. */
  traceparent?: string;
}

/**
 * Wraps a payload in the envelope and resolves only once every in-sync replica has acknowledged it
 * (acks=all, idempotent producer), so a caller may treat the event as durable afterwards. Concurrent
 * publishes share produce requests (see `SendCoalescer`).
 */
@Injectable()
export class EventPublisher implements OnModuleInit, OnApplicationShutdown {
  // Through connect(): kafkajs marks an idempotent producer connected before it has its producer id,
  // and a send in that window is written but then fails ("reading 'release'"), so its retry wrote the
  // event twice. connect() resolves once the id is there (at once after the first time).
  private readonly sends: SendCoalescer;

  constructor(
    @Inject(KAFKA_PRODUCER_CLIENT) private readonly client: ClientKafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.sends = new SendCoalescer(
      (topicMessages) => this.client.connect().then((producer) => producer.sendBatch({ topicMessages, acks: -1, timeout: 30_000 })),
      { lingerMs: options.produceLingerMs ?? 0 },
    );
  }

  async onModuleInit(): Promise<void> {
    await this.client.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  async publish<T extends TopicName>(topic: T, payload: PayloadOf<T>, context: PublishContext): Promise<Envelope<PayloadOf<T>>> {
    // A stage passing on the event it consumed gives it as the context: its sections are not validated twice.
    const valid = assertPayload(topic, payload, context as { payload?: unknown });
    const article = (valid as { article: Article }).article;
    // With tracing on, the event carries the publish span's traceparent, so the next stage continues it.
    const span = startProducerSpan(topic, context.traceparent, { 'newsflow.article.id': article.id });
    const envelope: Envelope<PayloadOf<T>> = {
      eventId: randomUUID(),
      type: TOPIC_CONTRACTS[topic].eventType,
      schemaVersion: TOPIC_CONTRACTS[topic].schemaVersion,
      occurredAt: new Date().toISOString(),
      correlationId: context.correlationId,
      traceparent: span.traceparent ?? childTraceparent(context.traceparent),
      producer: `${this.options.service}@${this.options.serviceVersion}`,
      articleId: article.id,
      articleVersion: article.version,
      payload: valid,
    };
    const headers = eventHeaders(envelope);
    try {
      // What came before this stage's section goes out as the bytes it was read as, not serialised again.
      const value = envelopeValue(envelope as Envelope<Record<string, unknown>>, (context as { payload?: unknown }).payload);
      await this.sends.send(topic, { key: article.id, value, headers });
    } catch (error) {
      produceFailed.inc({ topic });
      span.end(error);
      throw error;
    }
    produced.inc({ topic });
    span.end();
    return envelope;
  }
}
