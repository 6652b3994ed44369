import { KafkaContext } from '@nestjs/microservices';
import { TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { currentLogContext, LogContext, metricsRegistry } from '@newsflow/platform';
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
