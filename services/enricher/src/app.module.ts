import { DynamicModule, Module } from '@nestjs/common';
import { KafkaProbe, MessagingModule, messagingOptionsFromConfig } from '@newsflow/messaging';
import { PlatformModule, RedisModule, RedisProbe } from '@newsflow/platform';
import { ENRICHER_CONFIG, EnricherConfig } from './config/enricher.config';
import { EnrichArticleMessageController } from './enrichment/enrich-article.message.controller';
import { EnrichArticleService } from './enrichment/enrich-article.service';
import { EntityExtractor } from './enrichment/entity-extractor.provider';

@Module({})
export class AppModule {
  static register(config: EnricherConfig, version: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RedisModule.forRoot(config.REDIS_URL),
        MessagingModule.forRoot(messagingOptionsFromConfig(config, { service: 'enricher', serviceVersion: version, groupId: config.KAFKA_GROUP_ID })),
        PlatformModule.forRoot({ service: 'enricher', probes: [KafkaProbe, RedisProbe] }),
      ],
      controllers: [EnrichArticleMessageController],
      providers: [{ provide: ENRICHER_CONFIG, useValue: config }, EntityExtractor, EnrichArticleService],
    };
  }
}
