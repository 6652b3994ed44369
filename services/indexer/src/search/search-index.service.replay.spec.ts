import { ArticleWeatherAttachedPayload, TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { ReadinessState } from '@newsflow/platform';
import type { Connection } from 'mongoose';
import { SearchPurgeLog } from '../index/search-collections';
import { IndexableDocument } from '../index/search-document';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { parseSearchParams } from './search-params';
import { SearchFollowOptions, SearchIndexService } from './search-index.service';
import { metaConnection } from './meta-connection.testing';

/** The final topic as the test hands it over: what the follower would deliver, in order. */
const followed: Array<(value: Buffer, key: null, headers: Record<string, unknown>) => Promise<void> | void> = [];
jest.mock('@newsflow/messaging', () => ({
  ...jest.requireActual('@newsflow/messaging'),
  TopicFollower: class {
    constructor(options: { onMessage: (typeof followed)[number] }) {
      followed.push(options.onMessage);
    }
    start = async () => undefined;
    stop = async () => undefined;
  },
}));

const A = '0f8a1c2e-7a1b-5c3d-9e4f-aaaaaaaaaaaa';
const B = '0f8a1c2e-7a1b-5c3d-9e4f-bbbbbbbbbbbb';
const FOLLOW: SearchFollowOptions = { brokers: ['127.0.0.1:1'], groupId: 'test.follow' };

function payload(id: string, headline: string, receivedAt: string, weather: ArticleWeatherAttachedPayload['weather'] = { status: 'no-location' }): ArticleWeatherAttachedPayload {
  return {
    article: makeArticle({ id, headline, body: 'The court sat in Lisbon.', receivedAt }),
    enrichment: { status: 'enriched', language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: '2026-12-01T10:00:00Z' },
    weather,
  };
}

/** An event of the final topic as another replica published it: headers first, as EventPublisher writes them. */
function finalEvent(p: ArticleWeatherAttachedPayload, indexedAt: string) {
  const envelope = makeEnvelope(TOPICS.articleIndexed, { ...p, indexing: { collection: 'search_articles', indexedAt } });
  const headers = { 'article-id': p.article.id, 'article-version': String(p.article.version), 'occurred-at': envelope.occurredAt };
  return [Buffer.from(JSON.stringify(envelope)), null, headers] as const;
}


async function started(connection: Connection, corpus: IndexableDocument[] = []) {
  followed.length = 0;
  const documents = {
    follow: () => undefined,
    activeCollection: 'search_articles',
    async *allIndexable() {
      yield* corpus;
    },
  } as unknown as SearchDocumentRepository;
  const service = new SearchIndexService(documents, connection, new ReadinessState(), 20, FOLLOW);
  await service.onModuleInit();
  const deadline = Date.now() + 3000;
  while (service.status().loading) {
    if (Date.now() > deadline) throw new Error('the index did not load');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const follow = (...event: ReturnType<typeof finalEvent>) => followed[0](...event);
  const listed = (q = 'court') => service.search(parseSearchParams({ q })).hits.map((h) => `${h.article.id}:${h.article.version}`);
  return { service, follow, listed };
}

describe('SearchIndexService and versions of purged articles', () => {
  it('a replica starting after a purge refuses the purged article\'s replayed events, however many purges came since, and takes its resubmission', async () => {
    const { connection } = metaConnection();
    const log = new SearchPurgeLog(connection);
    // A was purged, then two more purges moved the log's head past it while this replica was down.
    await log.append([A], new Date('2026-12-07T21:00:00Z'));
    await log.append([B], new Date('2026-12-07T21:10:00Z'));
    await log.append(['0f8a1c2e-7a1b-5c3d-9e4f-cccccccccccc'], new Date('2026-12-07T21:20:00Z'));
    const { service, follow, listed } = await started(connection);
    try {
      // Its follow group resumes where it stopped: first the versions indexed before the purge.
      await follow(...finalEvent(payload(A, 'Court hears libel case', '2026-12-07T20:00:00Z'), '2026-12-07T20:00:05Z'));
      await follow(...finalEvent(payload(B, 'Court hears appeal', '2026-12-07T20:30:00Z'), '2026-12-07T20:30:05Z'));
      expect(listed()).toEqual([]);
      // Submitted again after its purge: a new story, version 1.
      await follow(...finalEvent(payload(A, 'Court hears libel case again', '2026-12-07T21:30:00Z'), '2026-12-07T21:30:05Z'));
      expect(listed()).toEqual([`${A}:1`]);
      // Consumed (a dead-letter replay of a version parked before the purge): refused the same way.
      expect(service.refusesPurged({ id: B, version: 1, receivedAt: '2026-12-07T20:30:00Z' }, 'consumed')).toBe(true);
      expect(service.refusesPurged({ id: B, version: 1, receivedAt: '2026-12-07T21:40:00Z' }, 'consumed')).toBe(false);
    } finally {
      await service.onModuleDestroy();
    }
  });

  it('a running replica learns a purge at its poll and refuses the article\'s old versions from then on', async () => {
    const { connection } = metaConnection();
    const { service, follow, listed } = await started(connection);
    try {
      const old = payload(A, 'Court hears libel case', new Date(Date.now() - 60_000).toISOString());
      await follow(...finalEvent(old, new Date(Date.now() - 59_000).toISOString()));
      expect(listed()).toEqual([`${A}:1`]);
      await new SearchPurgeLog(connection).append([A], new Date());
      const deadline = Date.now() + 3000;
      while (listed().length) {
        if (Date.now() > deadline) throw new Error('the purge was not applied');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // The same version again (another replica's late event, a replay): not listed again.
      await follow(...finalEvent(old, new Date().toISOString()));
      expect(listed()).toEqual([]);
      expect(service.refusesPurged(old.article, 'consumed')).toBe(true);
    } finally {
      await service.onModuleDestroy();
    }
  });

  it('takes a followed version again when it carries later backfilled weather, and not an old one after it', async () => {
    const { service, follow, listed } = await started(metaConnection().connection);
    const indexedSince = (iso: string) => service.search(parseSearchParams({ q: 'court', indexedSince: iso })).total;
    try {
      const forecast = { status: 'attached', kind: 'forecast', provider: 'open-meteo', fetchedAt: '2026-12-07T08:00:00Z', daily: [] } as unknown as ArticleWeatherAttachedPayload['weather'];
      const first = payload(A, 'Court rules at noon', '2026-12-07T08:00:00Z', forecast);
      await follow(...finalEvent(first, '2026-12-07T08:00:05Z'));
      expect(listed()).toEqual([`${A}:1`]);
      expect(indexedSince('2026-12-07T11:00:00Z')).toBe(0);
      // The embargo's refresh: the same version, fresh weather, backfilledAt set.
      const refreshed = { ...first, weather: { ...forecast, fetchedAt: '2026-12-07T12:00:00Z', backfilledAt: '2026-12-07T12:00:00Z' } };
      await follow(...finalEvent(refreshed, '2026-12-07T12:00:01Z'));
      expect(indexedSince('2026-12-07T11:00:00Z')).toBe(1);
      // The first event once more (a replay): the refresh stays.
      await follow(...finalEvent(first, '2026-12-07T13:00:00Z'));
      expect(indexedSince('2026-12-07T11:00:00Z')).toBe(1);
      expect(indexedSince('2026-12-07T12:30:00Z')).toBe(0);
    } finally {
      await service.onModuleDestroy();
    }
  });
});
