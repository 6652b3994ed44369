import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { SearchDocument } from '../index/search-document';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { toIndexedArticle } from './indexed-article';
import { SortKey } from './search-cursor';
import { SearchIndex, SearchOutcome } from './search-index';
import { SearchParams } from './search-params';

/**
 * Why search runs in memory rather than in MongoDB: on FerretDB 1.24 (SQLite), which tests and CI
 * use, only `_id` equality is served by an index; every other filter scans the whole collection
 * (~0.15 ms per document: 15 s per query at 100,000 articles), and there is no $text, $geoNear or
 * $facet. Posting documents keyed by `_id` would make reads fast, but updating a hot term's posting
 * list is a read-modify-write that FerretDB cannot make atomic, and a query would still pay one round
 * trip per term plus one per candidate. So MongoDB (`search_articles`) stays the source of truth and
 * the index lives here: built from it once at start-up (before the service reports ready) and kept
 * current by this process's own writes. A search then reads nothing from MongoDB at all, and the same
 * code behaves identically on MongoDB.
 *
 * Limit: a second indexer replica sees only its own partitions' writes. Running several replicas
 * needs each one to also read `news.articles.indexed.v1` with its own consumer group (the final topic
 * carries the complete article), which this service does not do yet.
 */
@Injectable()
export class SearchIndexService implements OnModuleInit {
  private readonly logger = new Logger(SearchIndexService.name);
  private readonly index = new SearchIndex();

  constructor(private readonly documents: SearchDocumentRepository) {}

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    for await (const document of this.documents.all()) this.put(document);
    this.logger.log({ msg: 'search index loaded', articles: this.index.size, ms: Date.now() - started });
  }

  /** Called after the document is durable in MongoDB; an older version than the indexed one is ignored. */
  put(document: SearchDocument): void {
    this.index.put(toIndexedArticle(document));
  }

  search(params: SearchParams, after?: SortKey): SearchOutcome {
    return this.index.search(params, after);
  }
}
