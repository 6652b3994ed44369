import { Inject, Injectable, Logger } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { ContractViolationError, deadLetterTopic, Envelope, parseEvent, PayloadOf, PipelineStage, TopicName } from '@newsflow/contracts';
import { counter, histogram, normalizeError, runWithLogContext } from '@newsflow/platform';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { InboxStore } from './inbox.store';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.tokens';
import { decideRetry, defaultRetryPolicy, RetryPolicy } from './retry-policy';
import { traceIdOf } from './trace-context';

const consumed = counter('newsflow_messages_consumed_total', 'Events handled successfully', ['topic']);
const duplicates = counter('newsflow_messages_duplicate_total', 'Redelivered events skipped by the inbox', ['topic']);
const rejected = counter('newsflow_messages_rejected_total', 'Events that violate their topic contract', ['topic']);
const failed = counter('newsflow_messages_failed_total', 'Handler failures (the event is redelivered)', ['topic', 'code']);
const latency = histogram('newsflow_handler_duration_seconds', 'Handler latency', ['topic']);
/** From ingest's receipt of the story to the moment this stage finished with it: the pipeline's end-to-end delay. */
const articleAge = histogram('newsflow_article_age_seconds', 'Age of an article (now - receivedAt) when a stage finishes its event', ['stage', 'topic'],
  [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600]);

/**
 * The consume boundary every stage goes through: validate against the topic contract, skip what
 * this group already handled, run the handler, then remember the event. A retriable handler error
 * propagates so the offset is not committed and Kafka redelivers the event; a contract violation or a
 * permanent error parks the message on the stage's dead-letter topic, so one bad message never
 * blocks its partition and is never silently dropped.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  /** Failed deliveries per event id in this process; redelivery after a crash starts the count again. */
  private readonly attempts = new Map<string, number>();
  private readonly retryPolicy: RetryPolicy;

  constructor(
    private readonly inbox: InboxStore,
    private readonly deadLetters: DeadLetterPublisher,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.retryPolicy = defaultRetryPolicy(options.retry);
  }

  private async park(context: KafkaContext, code: string, message: string): Promise<void> {
    const topic = deadLetterTopic(this.options.service as PipelineStage);
    this.logger.error({ msg: 'parked message on dead-letter topic', deadLetterTopic: topic, code, error: message,
      topic: context.getTopic(), partition: context.getPartition(), offset: context.getMessage().offset });
    await this.deadLetters.park(context, { code, message, deadLetterTopic: topic });
  }

  async consume<T extends TopicName>(
    topic: T,
    raw: unknown,
    context: KafkaContext,
    handler: (event: Envelope<PayloadOf<T>>) => Promise<void>,
  ): Promise<void> {
    let event: Envelope<PayloadOf<T>>;
    try {
      event = parseEvent(topic, raw);
    } catch (error) {
      if (!(error instanceof ContractViolationError)) throw error;
      rejected.inc({ topic });
      await this.park(context, error.code, error.message);
      return;
    }
    // Every log line of the handler carries the event's trace, correlation and article ids.
    const logContext = { traceId: traceIdOf(event.traceparent), correlationId: event.correlationId, articleId: event.articleId };
    return runWithLogContext(logContext, () => this.handle(topic, event, context, handler));
  }

  private async handle<T extends TopicName>(
    topic: T,
    event: Envelope<PayloadOf<T>>,
    context: KafkaContext,
    handler: (event: Envelope<PayloadOf<T>>) => Promise<void>,
  ): Promise<void> {
    if (await this.inbox.seen(event.eventId)) {
      duplicates.inc({ topic });
      return;
    }
    const stop = latency.startTimer({ topic });
    try {
      await handler(event);
      await this.inbox.remember(event.eventId);
      this.attempts.delete(event.eventId);
      consumed.inc({ topic });
      this.observeAge(topic, event);
    } catch (error) {
      const normalized = normalizeError(error);
      failed.inc({ topic, code: normalized.code });
      const attempt = (this.attempts.get(event.eventId) ?? 0) + 1;
      const decision = decideRetry(normalized, attempt, this.retryPolicy);
      if (decision.action === 'dead-letter') {
        this.attempts.delete(event.eventId);
        await this.park(context, decision.code, decision.message);
        return;
      }
      this.attempts.set(event.eventId, attempt);
      // Backoff inside the partition, bounded by the policy; the rethrow makes Kafka redeliver.
      await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
      this.logger.warn({
        msg: 'handler failed; the event will be redelivered',
        topic,
        articleId: event.articleId,
        correlationId: event.correlationId,
        code: normalized.code,
        error: normalized.message,
      });
      throw error;
    } finally {
      stop();
    }
  }

  private observeAge(topic: TopicName, event: Envelope<unknown>): void {
    const receivedAt = Date.parse((event.payload as { article?: { receivedAt?: string } }).article?.receivedAt ?? '');
    if (Number.isFinite(receivedAt)) articleAge.observe({ stage: this.options.service, topic }, Math.max(0, (Date.now() - receivedAt) / 1000));
  }
}
