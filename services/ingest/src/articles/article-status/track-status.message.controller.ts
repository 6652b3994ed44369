import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { TOPICS, TopicName } from '@newsflow/contracts';
import { EventConsumer } from '@newsflow/messaging';
import { ArticleStatusRepository, PipelineStep } from './article-status.repository';

/** Follows each article through the later stages by reading their output topics. */
@Controller()
export class TrackStatusMessageController {
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

  private track(topic: TopicName, step: PipelineStep, value: unknown, ctx: KafkaContext) {
    return this.consumer.consume(topic, value, ctx, (event) =>
      this.statuses.reached(event.articleId, event.articleVersion, step, new Date(event.occurredAt)),
    );
  }
}
