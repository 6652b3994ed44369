import { hostname } from 'node:os';
import { DynamicModule, Inject, Logger, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { KafkaProbe, MessagingModule, messagingOptionsFromConfig } from '@newsflow/messaging';
import { MongoModule, MongoProbe, PlatformModule, RedisModule, RedisProbe, requireReadKey } from '@newsflow/platform';
import { INDEXER_CONFIG, IndexerConfig } from './config/indexer.config';
import { IndexArticleMessageController } from './index/index-article.message.controller';
import { SearchDocumentRepository } from './index/search-document.repository';
import { OversizedRequestListener } from './http/oversized-request.listener';
import { ArticleQueryHttpController } from './query/article-query.http.controller';
import { IndexStatusHttpController } from './search/index-status.http.controller';
import { INDEX_STATE_POLL_MS, SEARCH_FOLLOW, SearchIndexService } from './search/search-index.service';
import { SearchHttpController } from './search/search.http.controller';

@Module({})
export class AppModule implements NestModule {
  constructor(@Inject(INDEXER_CONFIG) private readonly config: IndexerConfig) {}

  /** The read APIs answer only to a read key once READ_API_KEYS is set; health, metrics and docs stay open. */
  configure(consumer: MiddlewareConsumer): void {
    if (!this.config.READ_API_KEYS) new Logger('AppModule').warn({ msg: 'search and article reads are open to anyone who reaches this port: set READ_API_KEYS to require a key' });
    consumer.apply(requireReadKey(this.config.READ_API_KEYS)).forRoutes(ArticleQueryHttpController, SearchHttpController, IndexStatusHttpController);
  }

  static register(config: IndexerConfig, version: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MongoModule.forRoot(config.MONGODB_URI, { insertLingerMs: config.MONGO_INSERT_LINGER_MS }),
        RedisModule.forRoot(config.REDIS_URL),
        MessagingModule.forRoot(messagingOptionsFromConfig(config, { service: 'indexer', serviceVersion: version, groupId: config.KAFKA_GROUP_ID })),
        PlatformModule.forRoot({ service: 'indexer', probes: [KafkaProbe, MongoProbe, RedisProbe] }),
      ],
      controllers: [IndexArticleMessageController, ArticleQueryHttpController, SearchHttpController, IndexStatusHttpController],
      providers: [
        SearchDocumentRepository, SearchIndexService, OversizedRequestListener,
        { provide: INDEXER_CONFIG, useValue: config },
        { provide: INDEX_STATE_POLL_MS, useValue: config.SEARCH_COLLECTIONS_POLL_MS },
        // Stable per instance (host and port), so a restart resumes its group instead of leaving one behind.
        { provide: SEARCH_FOLLOW, useValue: { brokers: config.KAFKA_BROKERS, groupId: `${config.KAFKA_GROUP_ID}.follow.${hostname()}.${config.HTTP_PORT}` } },
      ],
    };
  }
}
