import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { deadLetterTopic, TOPICS, TopicName } from '@newsflow/contracts';
import { EventConsumer } from '@newsflow/messaging';
import { ArticleStatusRepository, PipelineStep } from './article-status.repository';

/** Follows each article through the later stages by reading their output topics. */
@Controller()
export class TrackStatusMessageController {
  private readonly logger = new Logger(TrackStatusMessageController.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly statuses: ArticleStatusRepository,
  ) {}

  @EventPattern(TOPICS.articleEnriched)
  enriched(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.track(TOPICS.articleEnriched, 'enriched', value, ctx);
  }

  @EventPattern(TOPICS.articleWeatherAttached)
  weather(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.track(TOPICS.articleWeatherAttached, 'weather', value, ctx);
  }

  @EventPattern(TOPICS.articleIndexed)
  indexed(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.track(TOPICS.articleIndexed, 'indexed', value, ctx);
  }

  @EventPattern(deadLetterTopic('enricher'))
  enricherFailed(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.fail('enricher', value, ctx);
  }

  @EventPattern(deadLetterTopic('weather'))
  weatherFailed(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.fail('weather', value, ctx);
  }

  @EventPattern(deadLetterTopic('indexer'))
  indexerFailed(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.fail('indexer', value, ctx);
  }

  /**
   * Dead letters are whatever a stage could not process, often not a valid envelope: the article is
   * found leniently, and a message naming none is only logged.
   */
  private async fail(stage: string, value: unknown, ctx: KafkaContext): Promise<void> {
    const headers = (ctx.getMessage().headers ?? {}) as Record<string, unknown>;
    const header = (name: string) => (headers[name] === undefined ? '' : String(headers[name]));
    const envelope = (typeof value === 'object' && value !== null ? value : {}) as { articleId?: unknown; articleVersion?: unknown };
    if (typeof envelope.articleId !== 'string' || typeof envelope.articleVersion !== 'number') {
      this.logger.warn({ msg: 'dead letter without an article', stage, code: header('dlq-error-code') });
      return;
    }
    const at = Date.parse(header('dlq-failed-at'));
    await this.statuses.failed(envelope.articleId, envelope.articleVersion,
      { stage, code: header('dlq-error-code') || 'UNKNOWN', message: header('dlq-error-message') }, Number.isNaN(at) ? new Date() : new Date(at));
  }

  private track(topic: TopicName, step: PipelineStep, value: unknown, ctx: KafkaContext) {
    return this.consumer.consume(topic, value, ctx, (event) =>
      this.statuses.reached(event.articleId, event.articleVersion, step, new Date(event.occurredAt)),
    );
  }
}
