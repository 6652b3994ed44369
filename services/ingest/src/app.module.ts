import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@newsflow/messaging';
import { KafkaProbe } from '@newsflow/messaging';
import { MongoModule, MongoProbe, PlatformModule, RedisModule, RedisProbe } from '@newsflow/platform';
import { ArticleStatusHttpController } from './articles/article-status/article-status.http.controller';
import { ArticleStatusRepository } from './articles/article-status/article-status.repository';
import { TrackStatusMessageController } from './articles/article-status/track-status.message.controller';
import { ArticleRepository } from './articles/article.repository';
import { SubmitArticleHttpController } from './articles/submit-article/submit-article.http.controller';
import { SubmitArticleService } from './articles/submit-article/submit-article.service';
import { INGEST_CONFIG, IngestConfig } from './config/ingest.config';

@Module({})
export class AppModule {
  static register(config: IngestConfig, version: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MongoModule.forRoot(config.MONGODB_URI),
        RedisModule.forRoot(config.REDIS_URL),
        MessagingModule.forRoot({ brokers: config.KAFKA_BROKERS, service: 'ingest', serviceVersion: version, groupId: config.KAFKA_GROUP_ID }),
        PlatformModule.forRoot({ service: 'ingest', probes: [KafkaProbe, MongoProbe, RedisProbe] }),
      ],
      controllers: [SubmitArticleHttpController, ArticleStatusHttpController, TrackStatusMessageController],
      providers: [{ provide: INGEST_CONFIG, useValue: config }, ArticleRepository, ArticleStatusRepository, SubmitArticleService],
    };
  }
}
