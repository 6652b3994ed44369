import { Controller, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Ctx, EventPattern, KafkaContext, MicroserviceOptions, Payload } from '@nestjs/microservices';
import { ArticleReceivedPayload, deadLetterTopic, Envelope, TOPICS } from '@newsflow/contracts';
import { makeArticle } from '@newsflow/contracts/testing';
import { ensureTopics, EventConsumer, EventPublisher, kafkaConsumerOptions, MessagingModule, traceIdOf } from '@newsflow/messaging';
import { RedisModule } from '@newsflow/platform';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { TopicReader } from '../support/topic-reader';
import { requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

const handled: Array<{ event: Envelope<ArticleReceivedPayload>; key: string | null }> = [];
const failingAttempts = new Map<string, number>();

@Controller()
class RecordingController {
  constructor(private readonly consumer: EventConsumer) {}

  @EventPattern(TOPICS.articleReceived)
  handle(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.consumer.consume(TOPICS.articleReceived, value, ctx, async (event) => {
      if (event.payload.article.headline === 'ALWAYS FAILS') {
        failingAttempts.set(event.articleId, (failingAttempts.get(event.articleId) ?? 0) + 1);
        throw new Error('extraction crashed');
      }
      handled.push({ event, key: ctx.getMessage().key?.toString() ?? null });
    });
  }
}

describe('messaging against a real broker and Redis', () => {
  const brokers = requireEnv('KAFKA_BROKERS').split(',');
  const groupId = unique('it-messaging');
  let app: INestApplication;
  let producer: Producer;
  let deadLetters: TopicReader;

  beforeAll(async () => {
    await ensureTopics(brokers, [TOPICS.articleReceived, deadLetterTopic('enricher')], { partitions: 3, replicationFactor: 1 });
    const moduleRef = await Test.createTestingModule({
      imports: [
        RedisModule.forRoot(requireEnv('REDIS_URL')),
        // Parks poison messages where the enricher would, which is what the dead-letter test reads.
        MessagingModule.forRoot({ brokers, service: 'enricher', serviceVersion: 'test', groupId, retry: { maxAttempts: 3, initialDelayMs: 10 } }),
      ],
      controllers: [RecordingController],
    }).compile();
    app = moduleRef.createNestApplication();
    app.connectMicroservice<MicroserviceOptions>(kafkaConsumerOptions({ brokers, clientId: groupId, groupId }));
    await app.startAllMicroservices();
    await app.init();
    producer = new Kafka({ clientId: groupId, brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    deadLetters = await TopicReader.start([deadLetterTopic('enricher')]);
  });

  afterAll(async () => {
    await deadLetters?.stop();
    await producer?.disconnect();
    await app?.close();
  });

  it('publishes in the envelope, keyed by article id, and the consumer receives it validated', async () => {
    const article = makeArticle();
    const traceparent = `00-${randomUUID().replace(/-/g, '')}-aaaaaaaaaaaaaaaa-01`;
    const sent = await app.get(EventPublisher).publish(TOPICS.articleReceived, { article }, { correlationId: 'corr-1', traceparent });
    const got = await waitFor(() => handled.find((h) => h.event.eventId === sent.eventId), { what: 'the published event' });
    expect(got.key).toBe(article.id);
    expect(got.event).toMatchObject({ type: 'article.received', articleId: article.id, articleVersion: 1, correlationId: 'corr-1' });
    expect(traceIdOf(got.event.traceparent)).toBe(traceIdOf(traceparent));
    expect(got.event.payload.article).toEqual(article);
  });

  it('handles a redelivered event only once', async () => {
    const article = makeArticle();
    const sent = await app.get(EventPublisher).publish(TOPICS.articleReceived, { article }, { correlationId: 'corr-2' });
    await waitFor(() => handled.some((h) => h.event.eventId === sent.eventId), { what: 'first delivery' });
    // The same event again, as Kafka would redeliver it after a crash before the commit.
    await producer.send({ topic: TOPICS.articleReceived, messages: [{ key: article.id, value: JSON.stringify(sent) }] });
    // Same key, so same partition: once this later event is handled, the duplicate has been seen.
    const marker = { ...article, version: 2 };
    const after = await app.get(EventPublisher).publish(TOPICS.articleReceived, { article: marker }, { correlationId: 'corr-3' });
    await waitFor(() => handled.some((h) => h.event.eventId === after.eventId), { what: 'the later event on the same partition' });
    expect(handled.filter((h) => h.event.eventId === sent.eventId)).toHaveLength(1);
  });

  it('parks a message that violates the contract on the dead-letter topic with the reason', async () => {
    const key = randomUUID();
    await producer.send({ topic: TOPICS.articleReceived, messages: [{ key, value: '{"not":"an envelope"}', headers: { origin: 'test' } }] });
    const parked = await deadLetters.waitForMessage((m) => m.key === key, 'the poison message on the dead-letter topic');
    expect(parked.value).toBe('{"not":"an envelope"}');
    expect(parked.headers).toMatchObject({
      origin: 'test',
      'dlq-original-topic': TOPICS.articleReceived,
      'dlq-stage': 'enricher',
      'dlq-error-code': 'CONTRACT.VIOLATION',
    });
    expect(parked.headers['dlq-error-message']).toMatch(/envelope\.eventId/);
    expect(handled.some((h) => h.key === key)).toBe(false);
  });

  it('retries a failing handler a bounded number of times, then dead-letters the event with the reason', async () => {
    const article = makeArticle({ headline: 'ALWAYS FAILS' });
    await app.get(EventPublisher).publish(TOPICS.articleReceived, { article }, { correlationId: 'corr-4' });
    const parked = await deadLetters.waitForMessage((m) => m.key === article.id, 'the exhausted event on the dead-letter topic');
    expect(failingAttempts.get(article.id)).toBe(3);
    expect(parked.headers).toMatchObject({ 'dlq-error-code': 'RETRIES_EXHAUSTED', 'dlq-stage': 'enricher' });
    expect(parked.headers['dlq-error-message']).toMatch(/extraction crashed \(after 3 attempts\)/);
    expect(JSON.parse(parked.value ?? '{}').articleId).toBe(article.id);
  });
});
