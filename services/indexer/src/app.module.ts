import { hostname } from 'node:os';
import { DynamicModule, Module } from '@nestjs/common';
import { KafkaProbe, MessagingModule, messagingOptionsFromConfig } from '@newsflow/messaging';
import { MongoModule, MongoProbe, PlatformModule, RedisModule, RedisProbe } from '@newsflow/platform';
import { IndexerConfig } from './config/indexer.config';
import { IndexArticleMessageController } from './index/index-article.message.controller';
import { SearchDocumentRepository } from './index/search-document.repository';
import { OversizedRequestListener } from './http/oversized-request.listener';
import { ArticleQueryHttpController } from './query/article-query.http.controller';
import { IndexStatusHttpController } from './search/index-status.http.controller';
import { INDEX_STATE_POLL_MS, SEARCH_FOLLOW, SearchIndexService } from './search/search-index.service';
import { SearchHttpController } from './search/search.http.controller';

@Module({})
export class AppModule {
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
        { provide: INDEX_STATE_POLL_MS, useValue: config.SEARCH_COLLECTIONS_POLL_MS },
        // Stable per instance (host and port), so a restart resumes its group instead of leaving one behind.
        { provide: SEARCH_FOLLOW, useValue: { brokers: config.KAFKA_BROKERS, groupId: `${config.KAFKA_GROUP_ID}.follow.${hostname()}.${config.HTTP_PORT}` } },
      ],
    };
  }
}
