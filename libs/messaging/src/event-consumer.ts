import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { ContractViolationError, deadLetterTopic, Envelope, EventSubject, eventSubjectOf, parseEvent, PayloadOf, PipelineStage, TopicName } from '@newsflow/contracts';
import { counter, histogram, normalizeError, runWithLogContext, withConsumerSpan } from '@newsflow/platform';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { InboxStore } from './inbox.store';
import { decodeMessageValue, rememberPayloadBytes } from './payload-json';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.tokens';
import { decideRetry, defaultRetryPolicy, RetryPolicy } from './retry-policy';
import { traceIdOf } from './trace-context';

const consumed = counter('newsflow_messages_consumed_total', 'Events handled successfully', ['topic']);
const duplicates = counter('newsflow_messages_duplicate_total', 'Redelivered events skipped by the inbox', ['topic']);
const rejected = counter('newsflow_messages_rejected_total', 'Events that violate their topic contract', ['topic']);
const failed = counter('newsflow_messages_failed_total', 'Handler failures (the event is redelivered)', ['topic', 'code']);
/** Below kafkajs's default 3 s heartbeat interval and far below the 30 s session timeout. */
const HEARTBEAT_EVERY_MS = 2_000;
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const wake = () => { clearTimeout(timer); resolve(); };
    const timer = setTimeout(() => { signal.removeEventListener('abort', wake); resolve(); }, ms);
    signal.addEventListener('abort', wake, { once: true });
  });
const latency = histogram('newsflow_handler_duration_seconds', 'Handler latency', ['topic']);
/** From ingest's receipt of the story to the moment this stage finished with it: the pipeline's end-to-end delay. */
const articleAge = histogram('newsflow_article_age_seconds', 'Age of an article (now - receivedAt) when a stage finishes its event', ['stage', 'topic'],
  [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600]);

/**
 * The consume boundary every stage goes through: validate against the topic contract, skip what
 * this group already handled, run the handler, then remember the event. A retriable handler error is
 * retried in place with jittered exponential backoff (bounded by the retry policy; outages without a
 * limit): only this partition waits, the others are consumed concurrently, and the offset is not
 * committed meanwhile. A contract violation, a permanent error or used-up attempts park the message
 * on the stage's dead-letter topic, so one bad message never blocks its partition for long and is
 * never silently dropped. On shutdown a retrying message is given up uncommitted, to be redelivered.
 */
@Injectable()
export class EventConsumer implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly draining = new AbortController();
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
    // The value arrives as bytes (start-service keeps them binary), so they are at hand for the publish.
    const decoded = decodeMessageValue(raw);
    try {
      event = parseEvent(topic, decoded.value);
      // parseEvent returns the value itself only when the compiled check passed it.
      if (decoded.bytes !== undefined && event === decoded.value) rememberPayloadBytes(event, decoded.bytes);
    } catch (error) {
      if (!(error instanceof ContractViolationError)) throw error;
      rejected.inc({ topic });
      await this.park(context, error.code, error.message);
      return;
    }
    // Every log line of the handler carries the event's trace, correlation and article ids.
    const logContext = { traceId: traceIdOf(event.traceparent), correlationId: event.correlationId, articleId: event.articleId };
    const spanAttributes = { 'newsflow.article.id': event.articleId, 'newsflow.event.id': event.eventId };
    return runWithLogContext(logContext, () => withConsumerSpan(topic, event.traceparent, spanAttributes, () => this.handle(topic, event, context, handler)));
  }

  /**
   * For a handler that needs only the article version and time an event is about, and is idempotent
   * on its own (ingest's status tracking of topics it does not own): read from the headers (see
   * `eventSubjectOf`), without parsing or validating the envelope and without the inbox, retried like
   * any handler. An event naming no article is the owning consumer's to dead-letter; here it is
   * counted and logged.
   */
  async consumeSubject(topic: TopicName, value: Buffer | null, context: KafkaContext, handler: (subject: EventSubject) => Promise<void>): Promise<void> {
    const message = context.getMessage();
    const subject = eventSubjectOf(message.headers as Record<string, unknown> | undefined, value);
    if (!subject) {
      rejected.inc({ topic });
      this.logger.warn({ msg: 'event names no article version; skipped', topic, partition: context.getPartition(), offset: message.offset });
      return;
    }
    // The handler's span continues the producer's trace, as every consumer's does.
    const logContext = { traceId: traceIdOf(subject.traceparent), articleId: subject.articleId };
    return runWithLogContext(logContext, () => withConsumerSpan(topic, subject.traceparent, { 'newsflow.article.id': subject.articleId }, () =>
      this.retrying(topic, context, { articleId: subject.articleId }, async () => {
        await handler(subject);
        consumed.inc({ topic });
      }),
    ));
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
    await this.retrying(topic, context, { articleId: event.articleId, correlationId: event.correlationId }, async () => {
      await handler(event);
      await this.inbox.remember(event.eventId);
      consumed.inc({ topic });
      this.observeAge(topic, event);
    });
  }

  /** Runs `run` until it succeeds, retrying in place or dead-lettering as the retry policy decides. */
  private async retrying(topic: TopicName, context: KafkaContext, about: Record<string, string>, run: () => Promise<void>): Promise<void> {
    const stop = latency.startTimer({ topic });
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await run();
          return;
        } catch (error) {
          const normalized = normalizeError(error);
          failed.inc({ topic, code: normalized.code });
          const decision = decideRetry(normalized, attempt, this.retryPolicy);
          if (decision.action === 'dead-letter') {
            await this.park(context, decision.code, decision.message);
            return;
          }
          // Draining: leave the offset uncommitted, so the next owner of the partition redelivers it.
          if (this.draining.signal.aborted) throw error;
          this.logger.warn({ msg: 'handler failed; retrying in place', topic, attempt, delayMs: decision.delayMs,
            ...about, code: normalized.code, error: normalized.message });
          await this.backoff(decision.delayMs, context);
        }
      }
    } finally {
      stop();
    }
  }

  /**
   * Waits between attempts while keeping the group membership alive (kafkajs heartbeats only between
   * messages, and an outage can keep one message retrying for longer than the session timeout).
   * A shutdown cuts the wait short. The first heartbeat goes out at once: the failed attempt itself
   * may have taken long, and a jittered delay can be zero.
   */
  private async backoff(delayMs: number, context: KafkaContext): Promise<void> {
    const heartbeat = typeof context.getHeartbeat === 'function' ? context.getHeartbeat() : undefined;
    await heartbeat?.().catch(() => undefined);
    let left = delayMs;
    while (left > 0 && !this.draining.signal.aborted) {
      const step = Math.min(left, HEARTBEAT_EVERY_MS);
      await sleep(step, this.draining.signal);
      left -= step;
      await heartbeat?.().catch(() => undefined);
    }
  }

  /** Nest calls this on SIGTERM before the consumer is closed: pending retries stop waiting. */
  beforeApplicationShutdown(): void {
    this.draining.abort();
  }

  private observeAge(topic: TopicName, event: Envelope<unknown>): void {
    const receivedAt = Date.parse((event.payload as { article?: { receivedAt?: string } }).article?.receivedAt ?? '');
    if (Number.isFinite(receivedAt)) articleAge.observe({ stage: this.options.service, topic }, Math.max(0, (Date.now() - receivedAt) / 1000));
  }
}
