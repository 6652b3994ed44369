import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ArticleEnrichedPayload, TOPICS } from '@newsflow/contracts';
import { EventPublisher, PublishContext } from '@newsflow/messaging';
import { counter, gauge, REDIS_CLIENT } from '@newsflow/platform';
import type Redis from 'ioredis';
import { WEATHER_CONFIG, WeatherConfig } from '../config/weather.config';
import { AttachWeatherService } from '../forecast/attach-weather.service';
import { BackfillQueue } from './backfill-queue';

const backfills = counter('newsflow_weather_backfills_total', 'Backfill attempts by outcome', ['outcome']);
const pendingGauge = gauge('newsflow_weather_backfill_pending', 'Articles waiting for their weather to be backfilled');
const MAX_DELAY_MS = 3600_000;

/**
 * Articles that moved on with `unavailable` are tried again once the provider is back, and articles
 * processed before their embargo ends are looked up again at the release; the article is then
 * republished on the weather topic with the weather attached (`backfilledAt` set), and the indexer
 * and the final topic take it like any later event for that article. A provider's refusal of the
 * request (a 4xx) is not tried again.
 */
@Injectable()
export class WeatherBackfillService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WeatherBackfillService.name);
  private readonly queue: BackfillQueue;
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(REDIS_CLIENT) redis: Redis,
    private readonly attachWeather: AttachWeatherService,
    private readonly publisher: EventPublisher,
    @Inject(WEATHER_CONFIG) private readonly config: WeatherConfig,
  ) {
    this.queue = new BackfillQueue(redis, config.KAFKA_GROUP_ID);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.WEATHER_BACKFILL_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /**
   * Remembers an article for a later try, after the backfill interval or at `at` (epoch ms: an
   * embargo's end); without Redis it keeps what it has (logged).
   */
  async remember(payload: ArticleEnrichedPayload, context: PublishContext, at?: number): Promise<void> {
    const entry = { payload, correlationId: context.correlationId, traceparent: context.traceparent, attempts: 0, firstFailedAt: new Date().toISOString() };
    await this.queue
      .schedule(entry, at ?? Date.now() + this.config.WEATHER_BACKFILL_INTERVAL_MS)
      .catch((error) => this.logger.warn({ msg: 'cannot queue weather backfill (Redis)', articleId: payload.article.id, error: String(error) }));
  }

  async tick(now = Date.now()): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const { member, entry } of await this.queue.takeDue(now, 50)) await this.retry(member, entry);
      pendingGauge.set(await this.queue.pending());
    } catch (error) {
      this.logger.warn({ msg: 'weather backfill round failed; next round retries', error: String(error) });
    } finally {
      this.running = false;
    }
  }

  private async retry(member: string, entry: Parameters<BackfillQueue['schedule']>[0]): Promise<void> {
    const { article, enrichment } = entry.payload;
    const { weather, backfill, refreshAt } = await this.attachWeather.attach(enrichment, article);
    if (refreshAt) {
      // Taken before the release by this instance's clock: the release is still to come.
      await this.queue.schedule(entry, Date.parse(refreshAt));
      return;
    }
    if (weather.status !== 'unavailable') {
      await this.publisher.publish(
        TOPICS.articleWeatherAttached,
        { ...entry.payload, weather: { ...weather, backfilledAt: new Date().toISOString() } },
        { correlationId: entry.correlationId, traceparent: entry.traceparent },
      );
      await this.queue.done(member);
      backfills.inc({ outcome: 'attached' });
      this.logger.log({ msg: 'weather backfilled; article republished', articleId: article.id, version: article.version });
      return;
    }
    const attempts = entry.attempts + 1;
    if (!backfill || attempts >= this.config.WEATHER_BACKFILL_MAX_ATTEMPTS) {
      await this.queue.done(member);
      backfills.inc({ outcome: 'gave-up' });
      this.logger.warn({ msg: 'weather backfill gave up', articleId: article.id, attempts, reason: weather.reason });
      return;
    }
    const delay = Math.min(this.config.WEATHER_BACKFILL_INTERVAL_MS * 2 ** attempts, Math.max(MAX_DELAY_MS, this.config.WEATHER_BACKFILL_INTERVAL_MS));
    await this.queue.schedule({ ...entry, attempts }, Date.now() + delay);
    backfills.inc({ outcome: 'still-unavailable' });
  }
}
