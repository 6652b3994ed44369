import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@newsflow/platform';
import { AccessHttpController } from './access/access.http.controller';
import { KeyAccessService } from './access/key-access.service';
import { ArticlesHttpController } from './articles/articles.http.controller';
import { CONSOLE_CONFIG, ConsoleConfig } from './config/console.config';
import { DeadLettersHttpController } from './dead-letters/dead-letters.http.controller';
import { OverviewHttpController } from './overview/overview.http.controller';
import { PipelineSamplerService } from './overview/pipeline-sampler.service';
import { SearchHttpController } from './search/search.http.controller';
import { UpstreamClient } from './upstream/upstream.client';

/**
 * The console holds no connection of its own: it reads the services over HTTP, so its readiness has
 * no dependency probes (a service being down is something it shows, not a reason to stop serving).
 * Nor does it hold a key: what it reads for a user, it reads with the key that user presented.
 */
@Module({})
export class AppModule {
  static register(config: ConsoleConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'console', probes: [] })],
      controllers: [OverviewHttpController, ArticlesHttpController, SearchHttpController, DeadLettersHttpController, AccessHttpController],
      providers: [{ provide: CONSOLE_CONFIG, useValue: config }, UpstreamClient, PipelineSamplerService, KeyAccessService],
    };
  }
}
