import { KafkaContext } from '@nestjs/microservices';
import { TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { AppError, currentLogContext, LogContext, metricsRegistry } from '@newsflow/platform';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EventConsumer } from './event-consumer';
import { InboxStore } from './inbox.store';

const inbox = { seen: async () => false, remember: async () => undefined } as unknown as InboxStore;
const deadLetters = { park: async () => undefined } as unknown as DeadLetterPublisher;
const context = {} as KafkaContext;

async function ageCount(stage: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('newsflow_article_age_seconds')?.get();
  return metric?.values.find((v) => (v as { metricName?: string }).metricName === 'newsflow_article_age_seconds_count' && v.labels.stage === stage)?.value ?? 0;
}

describe('EventConsumer', () => {
  const consumer = new EventConsumer(inbox, deadLetters, { brokers: [], service: 'enricher', serviceVersion: 'test', groupId: 'g' });

  it('runs the handler in a log context of the envelope: trace id, correlation id and article id', async () => {
    const article = makeArticle();
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const event = makeEnvelope(TOPICS.articleReceived, { article }, { traceparent, correlationId: 'corr-9' });
    let seen: LogContext | undefined;
    await consumer.consume(TOPICS.articleReceived, event, context, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen = currentLogContext();
    });
    expect(seen).toEqual({ traceId: '0af7651916cd43dd8448eb211c80319c', correlationId: 'corr-9', articleId: article.id });
    expect(currentLogContext()).toEqual({});
  });

  it('records the article age when the stage has finished the event', async () => {
    const before = await ageCount('enricher');
    const article = makeArticle({ receivedAt: new Date(Date.now() - 5000).toISOString() });
    await consumer.consume(TOPICS.articleReceived, makeEnvelope(TOPICS.articleReceived, { article }), context, async () => undefined);
    expect(await ageCount('enricher')).toBe(before + 1);
    const sum = (await metricsRegistry.getSingleMetric('newsflow_article_age_seconds')?.get())?.values.find(
      (v) => (v as { metricName?: string }).metricName === 'newsflow_article_age_seconds_sum' && v.labels.stage === 'enricher',
    )?.value;
    expect(sum).toBeGreaterThanOrEqual(5);
  });
});

describe('EventConsumer retries', () => {
  const parked: string[] = [];
  const recordingDeadLetters = { park: async (_: KafkaContext, reason: { code: string }) => void parked.push(reason.code) } as unknown as DeadLetterPublisher;
  const heartbeats: number[] = [];
  const ctx = {
    getHeartbeat: () => async () => void heartbeats.push(Date.now()),
    getTopic: () => TOPICS.articleReceived, getPartition: () => 0, getMessage: () => ({ offset: '7' }),
  } as unknown as KafkaContext;
  const transient = () => new AppError('UPSTREAM.TIMEOUT', 'timed out', { retriable: true });
  const make = () => new EventConsumer(inbox, recordingDeadLetters, {
    brokers: [], service: 'enricher', serviceVersion: 'test', groupId: 'g', retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 10 },
  });
  const event = () => makeEnvelope(TOPICS.articleReceived, { article: makeArticle() });

  beforeEach(() => (parked.length = 0));

  it('retries a transient failure in place until the handler succeeds, without parking it', async () => {
    let calls = 0;
    await make().consume(TOPICS.articleReceived, event(), ctx, async () => {
      if (++calls < 3) throw transient();
    });
    expect(calls).toBe(3);
    expect(parked).toEqual([]);
    expect(heartbeats.length).toBeGreaterThanOrEqual(2);
  });

  it('parks the message once the attempts are used up', async () => {
    let calls = 0;
    await make().consume(TOPICS.articleReceived, event(), ctx, async () => {
      calls++;
      throw transient();
    });
    expect(calls).toBe(3);
    expect(parked).toEqual(['RETRIES_EXHAUSTED']);
  });

  it('retries an outage without a limit', async () => {
    let calls = 0;
    await make().consume(TOPICS.articleReceived, event(), ctx, async () => {
      if (++calls < 6) throw new AppError('STORE.DOWN', 'connect ECONNREFUSED 127.0.0.1:27017', { retriable: true });
    });
    expect(calls).toBe(6);
    expect(parked).toEqual([]);
  });

  it('gives a retrying message up unparked when the service drains, so its offset stays uncommitted', async () => {
    const consumer = make();
    let calls = 0;
    const outcome = consumer.consume(TOPICS.articleReceived, event(), ctx, async () => {
      calls++;
      consumer.beforeApplicationShutdown();
      throw new AppError('STORE.DOWN', 'connect ECONNREFUSED 127.0.0.1:27017', { retriable: true });
    });
    await expect(outcome).rejects.toThrow('ECONNREFUSED');
    expect(parked).toEqual([]);
    expect(calls).toBe(1);
  });
});
