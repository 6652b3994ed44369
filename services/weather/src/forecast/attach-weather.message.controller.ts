import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { TOPICS } from '@newsflow/contracts';
import { EventConsumer, EventPublisher } from '@newsflow/messaging';
import { WeatherBackfillService } from '../backfill/weather-backfill.service';
import { AttachWeatherService } from './attach-weather.service';

@Controller()
export class AttachWeatherMessageController {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly publisher: EventPublisher,
    private readonly attachWeather: AttachWeatherService,
    private readonly backfill: WeatherBackfillService,
  ) {}

  @EventPattern(TOPICS.articleEnriched)
  handle(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.consumer.consume(TOPICS.articleEnriched, value, ctx, async (event) => {
      const { article, enrichment } = event.payload;
      await this.backfill.supersede(article);
      const { weather, backfill, refreshAt } = await this.attachWeather.attach(enrichment, article);
      await this.publisher.publish(TOPICS.articleWeatherAttached, { ...event.payload, weather }, event);
      if (refreshAt) await this.backfill.remember(event.payload, event, Date.parse(refreshAt));
      else if (backfill) await this.backfill.remember(event.payload, event);
    });
  }
}
