import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { TOPICS } from '@newsflow/contracts';
import { EventConsumer, EventPublisher, MESSAGING_OPTIONS, MessagingOptions } from '@newsflow/messaging';
import { EnrichArticleService } from './enrich-article.service';

@Controller()
export class EnrichArticleMessageController {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly publisher: EventPublisher,
    private readonly enrichArticle: EnrichArticleService,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  @EventPattern(TOPICS.articleReceived)
  handle(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.consumer.consume(TOPICS.articleReceived, value, ctx, async (event) => {
      const enrichment = await this.enrichArticle.enrich(event.payload.article, this.options.serviceVersion);
      await this.publisher.publish(TOPICS.articleEnriched, { ...event.payload, enrichment }, event);
    });
  }
}
