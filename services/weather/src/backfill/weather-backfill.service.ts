import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Article, ArticleEnrichedPayload, TOPICS } from '@newsflow/contracts';
import { EventPublisher, PublishContext } from '@newsflow/messaging';
import { counter, gauge, REDIS_CLIENT } from '@newsflow/platform';
import type Redis from 'ioredis';
import { WEATHER_CONFIG, WeatherConfig } from '../config/weather.config';
import { AttachWeatherService } from '../forecast/attach-weather.service';
import { BackfillItem, BackfillQueue } from './backfill-queue';

const backfills = counter('newsflow_weather_backfills_total', 'Backfill attempts by outcome', ['outcome']);
const pendingGauge = gauge('newsflow_weather_backfill_pending', 'Articles waiting for weather after the provider failed, and refreshes whose release has come');
const releasesGauge = gauge('newsflow_weather_release_refresh_pending', 'Embargoed articles waiting for their release to have their weather refreshed');
const superseded = counter('newsflow_weather_backfill_superseded_total', 'Queued versions dropped because a newer version or a kill of the article passed the stage', ['at']);
const MAX_DELAY_MS = 3600_000;

/**
 * Articles that moved on with `unavailable` are tried again once the provider is back, and articles
 * processed before their embargo ends are looked up again at the release; the article is then
 * republished on the weather topic with the weather attached (`backfilledAt` set), and the indexer
 * and the final topic take it like any later event for that article. A provider's refusal of the
 * request (a 4xx) is not tried again. A queued version is never sent once a newer version of its
 * article (a correction or a kill) has passed the stage: it would put back the text they took out.
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
   * Called for every version passing the stage, before its weather: drops the queued entries of the
   * article's earlier versions (all of them for a kill) and records the version as the latest seen.
   * Without Redis the article still moves on (logged with its id): the stage works without Redis,
   * and earlier versions queued before the outage then stay until sent or expired.
   */
  async supersede(article: Pick<Article, 'id' | 'version' | 'pubStatus'>): Promise<void> {
    try {
      const dropped = await this.queue.supersede(article.id, article.version, article.pubStatus === 'canceled');
      if (dropped === 0) return;
      superseded.inc({ at: 'newer-version' }, dropped);
      this.logger.log({ msg: 'queued weather backfill of earlier versions dropped', articleId: article.id, version: article.version, dropped, pubStatus: article.pubStatus });
    } catch (error) {
      this.logger.warn({ msg: 'cannot drop queued weather backfills of earlier versions (Redis); an earlier version may still be republished', articleId: article.id, version: article.version, error: String(error) });
    }
  }

  /**
   * Remembers an article for a later try, after the backfill interval or at `at` (epoch ms: an
   * embargo's end); without Redis it keeps what it has (logged). A kill, or a version older than
   * one already seen (a replay), is not queued.
   */
  async remember(payload: ArticleEnrichedPayload, context: PublishContext, at?: number): Promise<void> {
    if (payload.article.pubStatus === 'canceled') return;
    const entry = { payload, correlationId: context.correlationId, traceparent: context.traceparent, attempts: 0, firstFailedAt: new Date().toISOString() };
    try {
      if (await this.queue.superseded(payload)) return;
      await this.queue.schedule(entry, at ?? Date.now() + this.config.WEATHER_BACKFILL_INTERVAL_MS, at === undefined ? 'backfill' : 'release');
    } catch (error) {
      this.logger.warn({ msg: 'cannot queue weather backfill (Redis)', articleId: payload.article.id, error: String(error) });
    }
  }

  async tick(now = Date.now()): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const { member, entry } of await this.queue.takeDue(now, 50)) await this.retry(member, entry);
      const pending = await this.queue.pending(now);
      pendingGauge.set(pending.backlog);
      releasesGauge.set(pending.releases);
    } catch (error) {
      this.logger.warn({ msg: 'weather backfill round failed; next round retries', error: String(error) });
    } finally {
      this.running = false;
    }
  }

  private async retry(member: string, entry: BackfillItem): Promise<void> {
    const { article, enrichment } = entry.payload;
    if (await this.dropIfSuperseded(member, entry, 'take')) return;
    const { weather, backfill, refreshAt } = await this.attachWeather.attach(enrichment, article);
    if (refreshAt) {
      // Taken before the release by this instance's clock: the release is still to come.
      await this.queue.schedule(entry, Date.parse(refreshAt), 'release');
      return;
    }
    if (weather.status !== 'unavailable') {
      // A newer version may have passed another instance during the lookup.
      if (await this.dropIfSuperseded(member, entry, 'send')) return;
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

  private async dropIfSuperseded(member: string, entry: BackfillItem, at: 'take' | 'send'): Promise<boolean> {
    if (!(await this.queue.superseded(entry.payload))) return false;
    await this.queue.done(member);
    superseded.inc({ at });
    this.logger.log({ msg: 'weather backfill dropped: a newer version of the article passed the stage', articleId: entry.payload.article.id, version: entry.payload.article.version });
    return true;
  }
}
