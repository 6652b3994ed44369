import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { ArticleWeatherAttachedPayload, eventSubjectOf, parseEvent, TOPICS } from '@newsflow/contracts';
import { TopicFollower } from '@newsflow/messaging';
import { counter, MONGO_CONNECTION, ReadinessState } from '@newsflow/platform';
import { Connection } from 'mongoose';
import { INITIAL_STATE, PurgeBatch, PURGE_RECORD_RETENTION_MS, SearchCollectionsState, SearchCollectionsStore, SearchPurgeLog } from '../index/search-collections';
import { SearchDocument, toSearchDocument } from '../index/search-document';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { toIndexedArticle } from './indexed-article';
import { IndexLoadingError } from './index-loading.error';
import { PurgedArticles } from './purged-articles';
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
  /** While the index loads at start-up: how many articles it holds so far. */
  loading?: { loaded: number };
}

/**
 * A purged article's version indexed up to this long after the purge began deleting is dropped too:
 * the purge tool's clock and this host's may differ, and a takedown must not stay listed.
 */
const PURGE_CLOCK_SKEW_MS = 10_000;

/** Between attempts to load the index when MongoDB cannot be read at start-up. */
const LOAD_RETRY_MS = 5000;

/** Cheap to look for in an event's bytes: an event without it brings no backfilled weather. */
const BACKFILLED = 'backfilledAt';

const refusedPurged = counter('newsflow_indexer_purged_versions_refused_total',
  'Versions of purged articles refused because ingest received them before the purge (replays of the final topic, dead-letter replays, late backfills)', ['path']);

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
 * then replaces it. Articles `npm run purge` removed from the stores are dropped at the same poll
 * (the purge log beside the state, see SearchPurgeLog).
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
  /** `npm run purge` records what it removed (see SearchPurgeLog); this index has applied it up to here. */
  private readonly purges: SearchPurgeLog;
  private purgesSeen = 0;
  /** Every purge the log still records: old versions of those articles are refused (see PurgedArticles). */
  private readonly purged = new PurgedArticles();
  /** Until the first load completes; searches answer 503 meanwhile. */
  private loading = true;

  constructor(
    private readonly documents: SearchDocumentRepository,
    @Inject(MONGO_CONNECTION) connection: Connection,
    private readonly readiness: ReadinessState,
    @Optional() @Inject(INDEX_STATE_POLL_MS) private readonly pollMs = 2000,
    @Optional() @Inject(SEARCH_FOLLOW) private readonly follow?: SearchFollowOptions,
  ) {
    this.store = new SearchCollectionsStore(connection);
    this.purges = new SearchPurgeLog(connection);
  }

  async onModuleInit(): Promise<void> {
    // The whole log, before anything is followed or consumed: a replica that was down during a purge
    // resumes the final topic where it stopped, and replays the purged articles' versions first. A
    // purge recorded from here on is applied once the load is done.
    const retained = await this.purges.retained();
    this.rememberPurges(retained.batches);
    this.purgesSeen = retained.generation;
    if (this.follow) {
      this.follower = new TopicFollower({ ...this.follow, topic: TOPICS.articleIndexed, onMessage: (value, _key, headers) => this.applyIndexed(value, headers) });
      await this.follower.start();
    }
    const state = await this.store.read();
    this.documents.follow(state);
    this.state = state;
    // In the background, after HTTP listens: the load grows with the corpus (minutes at a few hundred
    // thousand articles), and until it listens not even liveness answers, so a startup probe would
    // kill the pod in a loop. Readiness stays false, and searches answer 503, until it is done;
    // articles consumed meanwhile go into the index as it loads (an older version never replaces a newer).
    this.readiness.holdUntil('search index', this.loadAtStart(state.active));
  }

  private async loadAtStart(collection: string): Promise<void> {
    const started = Date.now();
    for (;;) {
      try {
        await this.load(collection, this.index);
        break;
      } catch (error) {
        this.logger.warn({ msg: 'could not load the search index; retrying', collection, loaded: this.index.size, err: error });
        await new Promise((resolve) => setTimeout(resolve, LOAD_RETRY_MS).unref());
      }
    }
    this.loading = false;
    this.logger.log({ msg: 'search index loaded', collection, articles: this.index.size, ms: Date.now() - started });
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

  /**
   * An article another replica (or this one) indexed; what this index already holds at that version
   * is left alone, and so is a version of a purged article received before its purge.
   */
  private applyIndexed(value: Buffer | null, headers?: Record<string, unknown>): void {
    // Most of what a replica follows it wrote itself: skip it on the headers, before parsing anything.
    // One of a version held already is parsed only when it may bring later backfilled weather.
    const backfill = value?.includes(BACKFILLED) ? Number.POSITIVE_INFINITY : undefined;
    const subject = eventSubjectOf(headers, null);
    if (subject && this.holds(subject.articleId, subject.articleVersion, backfill)) return;
    const raw: unknown = JSON.parse(value?.toString() ?? 'null');
    // An event written before the headers existed: skip on the envelope's own fields, before
    // validating a whole article it would not use.
    const { articleId, articleVersion } = (raw ?? {}) as { articleId?: unknown; articleVersion?: unknown };
    if (typeof articleId === 'string' && typeof articleVersion === 'number' && this.holds(articleId, articleVersion, backfill)) return;
    const { indexing, ...payload } = parseEvent(TOPICS.articleIndexed, raw).payload;
    if (this.holds(payload.article.id, payload.article.version, backfillTime(payload))) return;
    if (this.refusesPurged(payload.article, 'followed')) return;
    this.put(toSearchDocument(payload, new Date(indexing.indexedAt)));
  }

  /** Whether the index, and the one being rebuilt if any, already hold what this version would bring. */
  private holds(id: string, version: number, backfilledAt?: number): boolean {
    return this.index.holds(id, version, backfilledAt) && (!this.next || this.next.index.holds(id, version, backfilledAt));
  }

  /**
   * Whether this is a version of an article purged after ingest received it (see PurgedArticles):
   * then it is refused, logged with its id and counted, whether consumed or followed.
   */
  refusesPurged(article: { id: string; version: number; receivedAt: string }, path: 'consumed' | 'followed'): boolean {
    const purgedAt = this.purged.purgedAfter(article.id, article.receivedAt);
    if (purgedAt === undefined) return false;
    refusedPurged.inc({ path });
    this.logger.warn({ msg: 'refused a version of a purged article, received before its purge', articleId: article.id, version: article.version,
      receivedAt: article.receivedAt, purgedAt: new Date(purgedAt).toISOString(), path });
    return true;
  }

  private rememberPurges(batches: readonly PurgeBatch[]): void {
    for (const batch of batches) this.purged.record(batch);
    // As the log prunes its records: nothing replays from that far back.
    if (batches.length) this.purged.forgetBefore(Date.now() - PURGE_RECORD_RETENTION_MS);
  }

  search(params: SearchParams, page?: PageAfter): SearchOutcome {
    if (this.loading) throw new IndexLoadingError(this.index.size);
    return this.index.search(params, page);
  }

  status(): SearchIndexStatus {
    const state = this.state ?? INITIAL_STATE;
    return {
      collection: state.active,
      articles: this.index.size,
      generation: state.generation,
      ...(state.building ? { building: state.building } : {}),
      ...(this.loading ? { loading: { loaded: this.index.size } } : {}),
      ...(this.next ? { rebuilding: { collection: this.next.collection, loaded: this.next.index.size } } : {}),
    };
  }

  /** One poll at a time; a failed read (MongoDB away) is tried again at the next tick. */
  private poll(): Promise<void> {
    this.following = this.following.then(() => this.followCollections()).then(() => this.followPurges()).catch((error) => {
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
    await this.rebuild(state.active);
  }

  /** Loads a new index from the collection beside the current one, which keeps answering, then swaps it in. */
  private async rebuild(collection: string): Promise<void> {
    const started = Date.now();
    this.next = { collection, index: new SearchIndex() };
    try {
      await this.load(collection, this.next.index);
      this.index = this.next.index;
      this.logger.log({ msg: 'search index rebuilt and swapped in', collection, articles: this.index.size, ms: Date.now() - started });
    } finally {
      this.next = undefined;
    }
  }

  /**
   * Drops what `npm run purge` removed from the stores since the last poll; an `_id` read of the
   * purge log's head when nothing changed. Runs after followCollections in the same chain, so a
   * rebuild has finished (and may have loaded a document before its purge deleted it): applied after.
   */
  private async followPurges(): Promise<void> {
    const head = await this.purges.head();
    if (head.generation <= this.purgesSeen) return;
    const since = await this.purges.since(this.purgesSeen, head);
    if (!since.complete) {
      // The records this instance still needed were pruned (it could not poll for that long): reload.
      this.logger.warn({ msg: 'purges missed; reloading the search index', seen: this.purgesSeen, generation: since.generation });
      this.rememberPurges((await this.purges.retained()).batches);
      await this.rebuild(this.documents.activeCollection);
    } else {
      this.rememberPurges(since.batches);
      let removed = 0;
      for (const batch of since.batches) {
        const indexedBefore = new Date(batch.deletedFrom).getTime() + PURGE_CLOCK_SKEW_MS;
        for (const id of batch.ids) {
          if (this.index.delete(id, indexedBefore)) removed += 1;
          this.next?.index.delete(id, indexedBefore);
        }
      }
      this.logger.log({ msg: 'purged articles dropped from the search index', removed, generation: since.generation });
    }
    this.purgesSeen = since.generation;
  }

  private async load(collection: string, index: SearchIndex): Promise<void> {
    for await (const document of this.documents.allIndexable(collection)) index.put(toIndexedArticle(document));
  }
}

function backfillTime(payload: Pick<ArticleWeatherAttachedPayload, 'weather'>): number | undefined {
  return payload.weather.backfilledAt ? Date.parse(payload.weather.backfilledAt) : undefined;
}
