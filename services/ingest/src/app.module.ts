import { DynamicModule, Inject, Logger, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { json } from 'express';
import { MessagingModule, messagingOptionsFromConfig } from '@newsflow/messaging';
import { DeadLetterStore, KafkaProbe } from '@newsflow/messaging';
import { MongoModule, MongoProbe, PlatformModule, RedisModule, RedisProbe } from '@newsflow/platform';
import { ArticleStatusHttpController } from './articles/article-status/article-status.http.controller';
import { ArticleStatusRepository } from './articles/article-status/article-status.repository';
import { StatusReaders } from './articles/article-status/status-readers';
import { TrackStatusMessageController } from './articles/article-status/track-status.message.controller';
import { ArticleRepository } from './articles/article.repository';
import { KillArticleAdminHttpController } from './articles/kill-article/kill-article-admin.http.controller';
import { KillArticleService } from './articles/kill-article/kill-article.service';
import { SubmitArticleHttpController } from './articles/submit-article/submit-article.http.controller';
import { SubmitArticleService } from './articles/submit-article/submit-article.service';
import { TakedownList } from './articles/takedowns/takedown-list';
import { TakedownRepository } from './articles/takedowns/takedown.repository';
import { TakedownsAdminHttpController } from './articles/takedowns/takedowns-admin.http.controller';
import { INGEST_CONFIG, IngestConfig } from './config/ingest.config';
import { STORY_BAND_NAMESPACE, StoryBandRepository } from './articles/story-clusters/story-band.repository';
import { StoryClusterFinder } from './articles/story-clusters/story-cluster.finder';
import { FeedPollerService } from './feeds/feed-poller.service';
import { noStore } from './http/no-store.middleware';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { submissionBudget } from './http/submission-budget.middleware';
import { AdminKeyGuard } from './sources/admin-key.guard';
import { RateLimiter } from './sources/rate-limiter';
import { SourceAuthGuard } from './sources/source-auth.guard';
import { SourceAuthMiddleware } from './sources/source-auth.middleware';
import { SourceKeysCache } from './sources/source-keys.cache';
import { SourceRepository } from './sources/source.repository';
import { DeadLettersAdminHttpController } from './dead-letters/dead-letters-admin.http.controller';
import { ReplayDeadLettersService } from './dead-letters/replay-dead-letters.service';
import { SourcesAdminHttpController } from './sources/sources-admin.http.controller';

@Module({})
export class AppModule implements NestModule {
  constructor(@Inject(INGEST_CONFIG) private readonly config: IngestConfig) {}

  /**
   * Bodies arrive raw: ingest decodes JSON and XML itself so every failure is a problem+json answer.
   * The key is checked first, so only a known source's submissions take budget or have a body read,
   * and the budget knows whose share a submission takes.
   */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(SourceAuthMiddleware, ...submissionBudget({
        budgetBytes: this.config.SUBMISSION_BUDGET_BYTES, sourceShare: this.config.SUBMISSION_SOURCE_SHARE, maxBodyBytes: this.config.MAX_BODY_BYTES,
        minBytesPerSecond: this.config.SUBMISSION_MIN_BYTES_PER_SECOND, stallWindowMs: this.config.SUBMISSION_STALL_WINDOW_MS,
        largeBodyBytes: this.config.SUBMISSION_LARGE_BODY_BYTES, largeAtOnce: this.config.SUBMISSION_LARGE_AT_ONCE,
      }))
      .forRoutes({ path: 'v1/articles', method: RequestMethod.POST }, { path: 'v1/articles/batch', method: RequestMethod.POST });
    consumer.apply(noStore, json({ limit: '100kb' })).forRoutes(SourcesAdminHttpController, DeadLettersAdminHttpController, KillArticleAdminHttpController, TakedownsAdminHttpController);
    if (!this.config.READ_API_KEYS) new Logger('AppModule').warn({ msg: 'article status is open to anyone who reaches this port: set READ_API_KEYS to require a key' });
  }

  static register(config: IngestConfig, version: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MongoModule.forRoot(config.MONGODB_URI, { insertLingerMs: config.MONGO_INSERT_LINGER_MS }),
        RedisModule.forRoot(config.REDIS_URL),
        MessagingModule.forRoot(messagingOptionsFromConfig(config, { service: 'ingest', serviceVersion: version, groupId: config.KAFKA_GROUP_ID })),
        PlatformModule.forRoot({ service: 'ingest', probes: [KafkaProbe, MongoProbe, RedisProbe] }),
      ],
      controllers: [SubmitArticleHttpController, SourcesAdminHttpController, DeadLettersAdminHttpController, KillArticleAdminHttpController, TakedownsAdminHttpController, ArticleStatusHttpController, TrackStatusMessageController],
      providers: [{ provide: INGEST_CONFIG, useValue: config },
        { provide: STORY_BAND_NAMESPACE, useValue: new URL(config.MONGODB_URI).pathname.slice(1) || 'newsflow' }, { provide: APP_FILTER, useClass: ProblemDetailsFilter }, ArticleRepository, ArticleStatusRepository, StatusReaders, SubmitArticleService, KillArticleService, TakedownRepository, TakedownList,
        SourceRepository, SourceKeysCache, RateLimiter, SourceAuthGuard, AdminKeyGuard, FeedPollerService, StoryClusterFinder, StoryBandRepository,
        { provide: DeadLetterStore, useValue: new DeadLetterStore(config.KAFKA_BROKERS) }, ReplayDeadLettersService],
    };
  }
}
