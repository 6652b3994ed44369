import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { eventSubjectOf, parseEvent, TOPICS } from '@newsflow/contracts';
import { TopicFollower } from '@newsflow/messaging';
import { MONGO_CONNECTION } from '@newsflow/platform';
import { Connection } from 'mongoose';
import { INITIAL_STATE, SearchCollectionsState, SearchCollectionsStore } from '../index/search-collections';
import { SearchDocument, toSearchDocument } from '../index/search-document';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { toIndexedArticle } from './indexed-article';
import { PageAfter } from './search-cursor';
import { SearchIndex, SearchOutcome } from './search-index';
import { SearchParams } from './search-params';

export const INDEX_STATE_POLL_MS = Symbol('INDEX_STATE_POLL_MS');
/** Where this instance follows the final topic: its own group, so it sees every instance's writes. */
export const SEARCH_FOLLOW = Symbol('SEARCH_FOLLOW');
export interface SearchFollowOptions {
  brokers: string[];
  groupId: string;
}

export interface SearchIndexStatus {
  collection: string;
  articles: number;
  generation: number;
  building?: string;
  rebuilding?: { collection: string; loaded: number };
}

/**
 * Why search runs in memory rather than in MongoDB: on FerretDB 1.24 (SQLite), which tests and CI
 * use, only `_id` equality is served by an index; every other filter scans the whole collection
 * (~0.15 ms per document: 15 s per query at 100,000 articles), and there is no $text, $geoNear or
 * $facet. Posting documents keyed by `_id` would make reads fast, but updating a hot term's posting
 * list is a read-modify-write that FerretDB cannot make atomic, and a query would still pay one round
 * trip per term plus one per candidate. So MongoDB stays the source of truth and the index lives
 * here: built from the active search collection at start-up (before the service reports ready) and
 * kept current by this process's writes and the final topic (below). A search then reads nothing from MongoDB at all, and
 * the same code behaves identically on MongoDB.
 *
 * The active collection changes when `npm run reindex` switches to a rebuilt one: the state is polled,
 * the new index is loaded beside the old one (which keeps answering, and both take new writes), and
 * then replaces it.
 *
 * Several replicas: each one writes only its own partitions' articles, so each also follows
 * `news.articles.indexed.v1` (which carries the complete article) under a group of its own, joined
 * before the load, and so sees every replica's writes within the topic's latency.
 */
@Injectable()
export class SearchIndexService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SearchIndexService.name);
  private readonly store: SearchCollectionsStore;
  private index = new SearchIndex();
  private state?: SearchCollectionsState;
  private next?: { collection: string; index: SearchIndex };
  private timer?: NodeJS.Timeout;
  private following: Promise<void> = Promise.resolve();
  private follower?: TopicFollower;

  constructor(
    private readonly documents: SearchDocumentRepository,
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Optional() @Inject(INDEX_STATE_POLL_MS) private readonly pollMs = 2000,
    @Optional() @Inject(SEARCH_FOLLOW) private readonly follow?: SearchFollowOptions,
  ) {
    this.store = new SearchCollectionsStore(connection);
  }

  async onModuleInit(): Promise<void> {
    if (this.follow) {
      this.follower = new TopicFollower({ ...this.follow, topic: TOPICS.articleIndexed, onMessage: (value, _key, headers) => this.applyIndexed(value, headers) });
      await this.follower.start();
    }
    const state = await this.store.read();
    this.documents.follow(state);
    this.state = state;
    const started = Date.now();
    await this.load(state.active, this.index);
    this.logger.log({ msg: 'search index loaded', collection: state.active, articles: this.index.size, ms: Date.now() - started });
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.follower?.stop();
  }

  /** Called after the document is durable in MongoDB; an older version than the indexed one is ignored. */
  put(document: SearchDocument): void {
    const article = toIndexedArticle(document);
    this.index.put(article);
    this.next?.index.put(article);
  }

  /** An article another replica (or this one) indexed; what this index already holds at that version is left alone. */
  private applyIndexed(value: Buffer | null, headers?: Record<string, unknown>): void {
    // Most of what a replica follows it wrote itself: skip it on the headers, before parsing anything.
    const subject = eventSubjectOf(headers, null);
    if (subject && this.holds(subject.articleId, subject.articleVersion)) return;
    const raw: unknown = JSON.parse(value?.toString() ?? 'null');
    // An event written before the headers existed: skip on the envelope's own fields, before
    // validating a whole article it would not use.
    const { articleId, articleVersion } = (raw ?? {}) as { articleId?: unknown; articleVersion?: unknown };
    if (typeof articleId === 'string' && typeof articleVersion === 'number' && this.holds(articleId, articleVersion)) return;
    const { indexing, ...payload } = parseEvent(TOPICS.articleIndexed, raw).payload;
    if (this.holds(payload.article.id, payload.article.version)) return;
    this.put(toSearchDocument(payload, new Date(indexing.indexedAt)));
  }

  /** Whether the index, and the one being rebuilt if any, already hold what this version would bring. */
  private holds(id: string, version: number): boolean {
    return this.index.holds(id, version) && (!this.next || this.next.index.holds(id, version));
  }

  search(params: SearchParams, page?: PageAfter): SearchOutcome {
    return this.index.search(params, page);
  }

  status(): SearchIndexStatus {
    const state = this.state ?? INITIAL_STATE;
    return {
      collection: state.active,
      articles: this.index.size,
      generation: state.generation,
      ...(state.building ? { building: state.building } : {}),
      ...(this.next ? { rebuilding: { collection: this.next.collection, loaded: this.next.index.size } } : {}),
    };
  }

  /** One poll at a time; a failed read (MongoDB away) is tried again at the next tick. */
  private poll(): Promise<void> {
    this.following = this.following.then(() => this.followCollections()).catch((error) => {
      this.logger.warn({ msg: 'could not follow the search collections', err: error });
    });
    return this.following;
  }

  private async followCollections(): Promise<void> {
    const state = await this.store.read();
    if (state.generation === this.state?.generation) return;
    const switched = state.active !== this.documents.activeCollection;
    this.documents.follow(state);
    this.state = state;
    this.logger.log({ msg: 'search collections changed', active: state.active, building: state.building, generation: state.generation });
    if (!switched) return;
    const started = Date.now();
    this.next = { collection: state.active, index: new SearchIndex() };
    try {
      await this.load(state.active, this.next.index);
      this.index = this.next.index;
      this.logger.log({ msg: 'search index rebuilt and swapped in', collection: state.active, articles: this.index.size, ms: Date.now() - started });
    } finally {
      this.next = undefined;
    }
  }

  private async load(collection: string, index: SearchIndex): Promise<void> {
    for await (const document of this.documents.allIndexable(collection)) index.put(toIndexedArticle(document));
  }
}
