import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { TOPICS } from '@newsflow/contracts';
import { EventConsumer, EventPublisher } from '@newsflow/messaging';
import { SearchIndexService } from '../search/search-index.service';
import { SearchDocumentRepository } from './search-document.repository';
import { toSearchDocument } from './search-document';

@Controller()
export class IndexArticleMessageController {
  private readonly logger = new Logger(IndexArticleMessageController.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly publisher: EventPublisher,
    private readonly documents: SearchDocumentRepository,
    private readonly searchIndex: SearchIndexService,
  ) {}

  /**
   * Stored first, published second: a consumer of the final topic can always read the article back.
   * Only the newest version is the searchable latest; the others go into the history. A version of
   * a purged article that ingest received before the purge (a dead-letter replay, a late backfill)
   * is refused: nothing stored is left to make it look stale, and it would be listed and published again.
   */
  @EventPattern(TOPICS.articleWeatherAttached)
  handle(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.consumer.consume(TOPICS.articleWeatherAttached, value, ctx, async (event) => {
      if (this.searchIndex.refusesPurged(event.payload.article, 'consumed')) return;
      const indexedAt = new Date();
      const document = toSearchDocument(event.payload, indexedAt);
      const current = await this.documents.upsert(document);
      if (!current) {
        this.logger.log({ msg: 'skipped stale version', articleId: event.articleId, version: event.articleVersion });
        return;
      }
      this.searchIndex.put(document);
      const indexing = { collection: this.documents.activeCollection, indexedAt: indexedAt.toISOString() };
      await this.publisher.publish(TOPICS.articleIndexed, { ...event.payload, indexing }, event);
    });
  }
}
