import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { deadLetterTopic, eventArticleOf, TOPICS, TopicName } from '@newsflow/contracts';
import { EventConsumer } from '@newsflow/messaging';
import { ArticleStatusRepository, LaterStep } from './article-status.repository';

/**
 * Follows each article through the later stages by reading their output topics. Every service's consumer
 * keeps message values binary (start-service.ts): a step needs only the article version and
 * time, which the headers carry, so the 10–20 KB envelopes of three topics are neither parsed nor
 * validated here (parsing alone took 4 % of ingest's CPU under load); their own consumers validate them.
 */
@Controller()
export class TrackStatusMessageController {
  private readonly logger = new Logger(TrackStatusMessageController.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly statuses: ArticleStatusRepository,
  ) {}

  @EventPattern(TOPICS.articleEnriched)
  enriched(@Payload() value: Buffer | null, @Ctx() ctx: KafkaContext) {
    return this.track(TOPICS.articleEnriched, 'enriched', value, ctx);
  }

  @EventPattern(TOPICS.articleWeatherAttached)
  weather(@Payload() value: Buffer | null, @Ctx() ctx: KafkaContext) {
    return this.track(TOPICS.articleWeatherAttached, 'weather', value, ctx);
  }

  @EventPattern(TOPICS.articleIndexed)
  indexed(@Payload() value: Buffer | null, @Ctx() ctx: KafkaContext) {
    return this.track(TOPICS.articleIndexed, 'indexed', value, ctx);
  }

  @EventPattern(deadLetterTopic('enricher'))
  enricherFailed(@Payload() value: Buffer | null, @Ctx() ctx: KafkaContext) {
    return this.fail('enricher', value, ctx);
  }

  @EventPattern(deadLetterTopic('weather'))
  weatherFailed(@Payload() value: Buffer | null, @Ctx() ctx: KafkaContext) {
    return this.fail('weather', value, ctx);
  }

  @EventPattern(deadLetterTopic('indexer'))
  indexerFailed(@Payload() value: Buffer | null, @Ctx() ctx: KafkaContext) {
    return this.fail('indexer', value, ctx);
  }

  /**
   * Dead letters are whatever a stage could not process, often not a valid envelope: the article is
   * found leniently (headers, else the value's top level), and a message naming none is only logged.
   */
  private async fail(stage: string, value: Buffer | null, ctx: KafkaContext): Promise<void> {
    const headers = (ctx.getMessage().headers ?? {}) as Record<string, unknown>;
    const header = (name: string) => (headers[name] === undefined || headers[name] === null ? '' : String(headers[name]));
    const article = eventArticleOf(headers, value);
    if (!article) {
      this.logger.warn({ msg: 'dead letter without an article', stage, code: header('dlq-error-code') });
      return;
    }
    const at = Date.parse(header('dlq-failed-at'));
    await this.statuses.failed(article.articleId, article.articleVersion,
      { stage, code: header('dlq-error-code') || 'UNKNOWN', message: header('dlq-error-message') }, Number.isNaN(at) ? new Date() : new Date(at));
  }

  private track(topic: TopicName, step: LaterStep, value: Buffer | null, ctx: KafkaContext) {
    return this.consumer.consumeSubject(topic, value, ctx, (subject) =>
      this.statuses.reached(subject.articleId, subject.articleVersion, step, subject.occurredAt),
    );
  }
}

