import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Article } from '@newsflow/contracts';
import { SubmitArticleService } from '../articles/submit-article/submit-article.service';
import { PipelineUnavailable } from '../articles/submit-article/pipeline-unavailable.error';
import { IngestConfig } from '../config/ingest.config';
import { FeedState, Source, SourceRepository } from '../sources/source.repository';
import { refusedRange } from './feed-address-policy';
import { FeedFetchPolicy } from './feed-fetcher';
import { FeedPollerService } from './feed-poller.service';

const RSS = readFileSync(join(__dirname, 'fixtures', 'wire.rss.xml'), 'utf8');
/** An RSS feed of `count` items, guids item-1 … item-count, newest first. */
const longFeed = (count: number) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title>${Array.from({ length: count }, (_, i) =>
  `<item><guid>item-${i + 1}</guid><title>Story ${i + 1}</title><description>Body ${i + 1}.</description><pubDate>Mon, 24 Nov 2025 07:15:00 GMT</pubDate></item>`).join('')}</channel></rss>`;

describe('FeedPollerService', () => {
  type Handler = (req: IncomingMessage, res: ServerResponse) => void;
  const routes = new Map<string, Handler>();
  let server: Server;
  let base: string;
  let url: string;
  const conditional: Array<string | undefined> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const handler = routes.get(req.url ?? '');
      if (handler) return handler(req, res);
      conditional.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(RSS);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    url = `${base}/feed.rss`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => routes.clear());

  const CONFIG = { FEED_SCHEDULER_INTERVAL_MS: 1000, FEED_FETCH_TIMEOUT_MS: 5000, FEED_ALLOW_PRIVATE_NETWORKS: true, FEED_MIN_INTERVAL_SECONDS: 1,
    FEED_MAX_ITEMS_PER_POLL: 500, FEED_USER_AGENT: 'newsflow-test/1' } as IngestConfig;

  /** Sources kept in memory, with the repository's claim (a compare-and-set on nextPollAt) and its due-feed query. */
  function poller(submit: (article: Article) => Promise<unknown>, options: { feeds?: Array<Partial<FeedState>>; config?: Partial<IngestConfig>; fetch?: Partial<FeedFetchPolicy> } = {}) {
    const sources: Source[] = (options.feeds ?? [{}]).map((feed, n) => ({
      _id: n === 0 ? 'exw-feed' : `exw-feed-${n}`, name: 'feed', keyHash: '', keyPrefix: '', disabled: false, rateLimitPerMinute: 60, createdAt: new Date(), updatedAt: new Date(),
      feed: { url, intervalSeconds: 1, nextPollAt: new Date(0), consecutiveFailures: 0, ...feed },
    }));
    const claims: Array<{ id: string; seen: Date; until: Date }> = [];
    const repository = {
      dueFeeds: async (now: Date) => sources.filter((s) => s.feed && !s.feed.gone && s.feed.nextPollAt <= now),
      claimFeed: async (id: string, seen: Date, until: Date) => {
        const source = sources.find((s) => s._id === id) as Source;
        if (source.feed?.nextPollAt.getTime() !== seen.getTime()) return false;
        claims.push({ id, seen, until });
        source.feed.nextPollAt = until;
        return true;
      },
      finishPoll: async (id: string, leaseUntil: Date, feed: FeedState) => {
        const source = sources.find((s) => s._id === id) as Source;
        if (source.feed?.nextPollAt.getTime() !== leaseUntil.getTime()) return false;
        source.feed = feed;
        return true;
      },
    } as unknown as SourceRepository;
    const service = new FeedPollerService(repository, { submit } as unknown as SubmitArticleService, { ...CONFIG, ...options.config } as IngestConfig, options.fetch);
    const pollNow = async () => {
      for (const source of sources) (source.feed as FeedState).nextPollAt = new Date(0);
      await service.tick(new Date());
      return sources[0].feed as FeedState;
    };
    return { pollNow, sources, claims };
  }

  it('fails the poll and keeps no validators when an item could not be handed on, so the next poll sends it', async () => {
    const handedOn: string[] = [];
    let calls = 0;
    const { pollNow } = poller(async (article) => {
      // Kafka is away for the first item of the first poll only.
      if (++calls === 1) throw new PipelineUnavailable();
      handedOn.push(article.sourceItemId);
      return { outcome: 'created' };
    });
    conditional.length = 0;
    const failed = await pollNow();
    expect(failed).toMatchObject({ consecutiveFailures: 1, lastError: expect.stringMatching(/1 of 2 items could not be handed on/) });
    expect(failed.etag).toBeUndefined();
    expect(handedOn).toHaveLength(1);

    const recovered = await pollNow();
    expect(conditional).toEqual([undefined, undefined]);
    expect(recovered).toMatchObject({ consecutiveFailures: 0, etag: '"v1"', lastItemCount: 2, lastRefusedCount: 0 });
    expect(handedOn).toHaveLength(3);
  });

  it('keeps a feed re-pointed through the admin API while it was being polled', async () => {
    const repointed: FeedState = { url: 'https://feeds.example.org/new.rss', intervalSeconds: 600, nextPollAt: new Date(Date.now() + 60_000), consecutiveFailures: 0 };
    const { pollNow, sources } = poller(async () => {
      // PATCH /v1/admin/sources/<id> lands between two items of the poll.
      sources[0].feed = { ...repointed };
      return { outcome: 'created' };
    });
    const after = await pollNow();
    expect(after).toEqual(repointed);
  });

  it('counts refused items apart and says why the last was refused', async () => {
    const { pollNow } = poller(async (article) => {
      if (article.sourceItemId.includes('1001')) throw new (await import('../articles/formats/input-problem')).InputProblem(422, 'contract', 'headline: too long', 'headline');
      return { outcome: 'created' };
    });
    const state = await pollNow();
    expect(state).toMatchObject({ consecutiveFailures: 0, lastItemCount: 1, lastRefusedCount: 1, lastRefusal: expect.stringMatching(/1001.*headline: too long/) });
  });

  it('skips an item an operator took down without failing the feed or counting it refused, and takes the rest', async () => {
    const { ArticleTakenDown } = await import('../articles/takedowns/article-taken-down.error');
    const handedOn: string[] = [];
    const { pollNow } = poller(async (article) => {
      if (article.sourceItemId === 'exw-rss-1001') throw new ArticleTakenDown({ _id: article.id, takenDownAt: new Date('2026-12-07T10:00:00Z') });
      handedOn.push(article.sourceItemId);
      return { outcome: 'new' };
    });
    const state = await pollNow();
    expect(handedOn).toEqual(['https://example.com/world/porto-alegre-floods']);
    expect(state).toMatchObject({ consecutiveFailures: 0, lastItemCount: 1, lastRefusedCount: 0, lastTakenDownCount: 1, etag: '"v1"' });
    expect(state.lastError).toBeUndefined();
    expect(state.lastRefusal).toBeUndefined();
  });

  it('hands on at most FEED_MAX_ITEMS_PER_POLL new items a poll, rereads the feed until every item was handed on, then polls conditionally again', async () => {
    const requests: Array<string | undefined> = [];
    routes.set('/long.rss', (req, res) => {
      requests.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === '"long"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"long"' }).end(longFeed(5));
    });
    // The store's deduplication: an item seen before comes back as a duplicate.
    const stored = new Set<string>();
    const { pollNow } = poller(async (article) => {
      const outcome = stored.has(article.sourceItemId) ? 'duplicate' : 'new';
      stored.add(article.sourceItemId);
      return { outcome };
    }, { feeds: [{ url: `${base}/long.rss` }], config: { FEED_MAX_ITEMS_PER_POLL: 2 } });

    expect(await pollNow()).toMatchObject({ lastDeferredCount: 3, etag: undefined, consecutiveFailures: 0 });
    expect([...stored]).toEqual(['item-1', 'item-2']);
    expect(await pollNow()).toMatchObject({ lastDeferredCount: 1, etag: undefined });
    expect([...stored]).toEqual(['item-1', 'item-2', 'item-3', 'item-4']);
    expect(await pollNow()).toMatchObject({ lastDeferredCount: 0, etag: '"long"', lastItemCount: 5 });
    expect(stored.size).toBe(5);
    await pollNow();
    expect(requests).toEqual([undefined, undefined, undefined, '"long"']);
  });

  it('polls due feeds a few at a time, not one after another', async () => {
    let inFlight = 0;
    let most = 0;
    routes.set('/slow.rss', (_req, res) => {
      most = Math.max(most, ++inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
      }, 150);
    });
    const { pollNow, sources } = poller(async () => ({ outcome: 'duplicate' }), { feeds: Array.from({ length: 6 }, () => ({ url: `${base}/slow.rss` })) });
    await pollNow();
    expect(most).toBe(4);
    expect(sources.every((s) => s.feed?.lastItemCount === 2)).toBe(true);
  });

  it('renews its lease while items are still being handed on, and stops without writing once another instance took the feed', async () => {
    // A 400 ms lease (4 × the fetch time limit), items taking 150 ms each.
    const slowSubmit = async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return { outcome: 'new' };
    };
    routes.set('/long.rss', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(longFeed(6)));
    const kept = poller(slowSubmit, { feeds: [{ url: `${base}/long.rss` }], config: { FEED_FETCH_TIMEOUT_MS: 100 } });
    const state = await kept.pollNow();
    expect(state).toMatchObject({ consecutiveFailures: 0, lastItemCount: 6 });
    expect(kept.claims.length).toBeGreaterThanOrEqual(3);
    kept.claims.slice(1).forEach((claim, n) => expect(claim.seen).toEqual(kept.claims[n].until));

    let submitted = 0;
    const lost = poller(async () => {
      submitted += 1;
      // Another instance claims the feed as if this one's lease had run out.
      if (submitted === 1) (lost.sources[0].feed as FeedState).nextPollAt = new Date(Date.now() + 60_000);
      return slowSubmit();
    }, { feeds: [{ url: `${base}/long.rss` }], config: { FEED_FETCH_TIMEOUT_MS: 100 } });
    const before = { ...(lost.sources[0].feed as FeedState) };
    const untouched = await lost.pollNow();
    expect(submitted).toBeLessThan(6);
    expect(untouched.lastPolledAt).toBe(before.lastPolledAt);
    expect(untouched.lastItemCount).toBeUndefined();
  });

  it('keeps the new address of a permanent redirect, and not of a temporary one', async () => {
    routes.set('/moved.rss', (_req, res) => void res.writeHead(301, { location: '/feed.rss' }).end());
    routes.set('/elsewhere.rss', (_req, res) => void res.writeHead(302, { location: '/feed.rss' }).end());
    const { pollNow, sources } = poller(async () => ({ outcome: 'duplicate' }), { feeds: [{ url: `${base}/moved.rss` }, { url: `${base}/elsewhere.rss` }] });
    await pollNow();
    expect(sources.map((s) => s.feed?.url)).toEqual([`${base}/feed.rss`, `${base}/elsewhere.rss`]);
    expect(sources.map((s) => s.feed?.lastItemCount)).toEqual([2, 2]);
  });

  it('stops polling a feed that answers 410 Gone and says why', async () => {
    let requests = 0;
    routes.set('/gone.rss', (_req, res) => void (requests++, res.writeHead(410).end()));
    const { pollNow } = poller(async () => ({ outcome: 'new' }), { feeds: [{ url: `${base}/gone.rss` }] });
    expect(await pollNow()).toMatchObject({ gone: true, lastError: expect.stringMatching(/410 Gone/) });
    await pollNow();
    expect(requests).toBe(1);
  });

  it('waits as long as Retry-After asks on 429 and 503, and at least FEED_MIN_INTERVAL_SECONDS after a poll', async () => {
    routes.set('/busy.rss', (_req, res) => void res.writeHead(429, { 'retry-after': '600' }).end());
    routes.set('/down.rss', (_req, res) => void res.writeHead(503, { 'retry-after': new Date(Date.now() + 7_200_000).toUTCString() }).end());
    const { pollNow, sources } = poller(async () => ({ outcome: 'new' }), { feeds: [{ url: `${base}/busy.rss` }, { url: `${base}/down.rss` }, {}], config: { FEED_MIN_INTERVAL_SECONDS: 120 } });
    const started = Date.now();
    await pollNow();
    const waits = sources.map((s) => (s.feed as FeedState).nextPollAt.getTime() - started);
    expect(waits[0]).toBeGreaterThanOrEqual(600_000);
    expect(waits[0]).toBeLessThanOrEqual(660_000 + 1000);
    expect(waits[1]).toBeGreaterThan(7_100_000);
    // Registered at 1 s, polled no more often than the 120 s minimum, give or take the jitter.
    expect(waits[2]).toBeGreaterThanOrEqual(108_000);
    expect(waits[2]).toBeLessThanOrEqual(132_000 + 1000);
  });

  it('spreads next polls by up to 10 % either way', async () => {
    const { pollNow, sources } = poller(async () => ({ outcome: 'duplicate' }), { feeds: Array.from({ length: 8 }, () => ({ intervalSeconds: 1000 })) });
    const started = Date.now();
    await pollNow();
    const waits = sources.map((s) => (s.feed as FeedState).nextPollAt.getTime() - started);
    waits.forEach((wait) => expect(wait).toBeGreaterThanOrEqual(900_000));
    waits.forEach((wait) => expect(wait).toBeLessThanOrEqual(1_101_000));
    expect(new Set(waits).size).toBeGreaterThan(1);
  });

  describe('with private networks refused', () => {
    const refuse = { FEED_ALLOW_PRIVATE_NETWORKS: false };

    it('refuses a loopback feed and a redirect to cloud metadata, and the last error says the address is refused', async () => {
      const direct = poller(async () => ({ outcome: 'new' }), { config: refuse });
      expect(await direct.pollNow()).toMatchObject({ consecutiveFailures: 1, lastError: expect.stringMatching(/^refused: .*loopback/) });

      routes.set('/to-metadata.rss', (_req, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
      // The test server's 127.0.0.1 stands in for a public feed host; everything else is judged as in production.
      const redirected = poller(async () => ({ outcome: 'new' }), { feeds: [{ url: `${base}/to-metadata.rss` }], config: refuse,
        fetch: { checkAddress: (address) => (address === '127.0.0.1' ? undefined : refusedRange(address)) } });
      expect(await redirected.pollNow()).toMatchObject({ consecutiveFailures: 1, lastError: 'refused: a feed URL may not point at a linkLocal address (FEED_ALLOW_PRIVATE_NETWORKS is off) (the feed redirected there with HTTP 302)' });
    });
  });
  it('logs a refused item once while the feed lists it unchanged, again once it changed or came back, and keeps lastRefusal at every poll', async () => {
    const named = 'https://b.example.com/news/minor-jessamy-pellucid-named';
    const refused = (text: string) => `<item><guid>${named}</guid><description>${text}</description></item>`;
    const fine = '<item><guid>fine-1</guid><title>Harbour reopens</title><description>The harbour reopened.</description></item>';
    let items = [refused('No title here.'), fine];
    // No validators: every poll reads the feed whole, as many feeds are served.
    routes.set('/refusing.rss', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>${items.join('')}</channel></rss>`));
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const { pollNow } = poller(async (article) => ({ id: article.id, version: 1, outcome: 'duplicate', storyClusterId: 'c' }), { feeds: [{ url: `${base}/refusing.rss` }] });
      const refusals = () => warn.mock.calls.filter(([entry]) => (entry as { msg?: string })?.msg === 'feed item refused');
      for (let poll = 0; poll < 3; poll++) {
        expect(await pollNow()).toMatchObject({ consecutiveFailures: 0, lastItemCount: 1, lastRefusedCount: 1, lastRefusal: expect.stringContaining(named) });
      }
      expect(refusals()).toHaveLength(1);
      expect(refusals()[0][0]).toMatchObject({ sourceId: 'exw-feed', item: named });

      items = [refused('No title here, reworded.'), fine];
      await pollNow();
      await pollNow();
      expect(refusals()).toHaveLength(2);

      items = [fine];
      expect(await pollNow()).toMatchObject({ lastRefusedCount: 0 });
      items = [refused('No title here, reworded.'), fine];
      await pollNow();
      await pollNow();
      expect(refusals()).toHaveLength(3);
    } finally {
      warn.mockRestore();
    }
  });

  it('reads the feed\'s dates without a zone in the source\'s zone, gives an unreadable one the receive time, and has a correction keep the stored publishedAt', async () => {
    routes.set('/zoned.rss', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Delhi</title>
      <item><guid>smog</guid><title>Delhi smog</title><description>NEW DELHI — Smog.</description><pubDate>Mon, 24 Nov 2025 23:30:00</pubDate></item>
      <item><guid>rain</guid><title>Rain</title><description>MUMBAI — Rain.</description><pubDate>Mon, 24 Nov 2025 09:00:00 XYZ</pubDate></item>
    </channel></rss>`));
    const submitted: Array<{ article: Article; options: unknown }> = [];
    const { pollNow, sources } = poller(async (...args: unknown[]) => {
      submitted.push({ article: args[0] as Article, options: args[2] });
      return { id: (args[0] as Article).id, version: 1, outcome: 'new', storyClusterId: 'c' };
    }, { feeds: [{ url: `${base}/zoned.rss` }] });
    sources[0].timeZone = 'Asia/Kolkata';
    const before = Date.now();
    await pollNow();
    const [smog, rain] = submitted;
    expect(smog).toMatchObject({ article: { sourceItemId: 'smog', publishedAt: '2025-11-24T18:00:00.000Z' }, options: { inheritsPublishedAt: false } });
    expect(rain).toMatchObject({ article: { sourceItemId: 'rain' }, options: { inheritsPublishedAt: true } });
    expect(Date.parse(rain.article.publishedAt)).toBeGreaterThanOrEqual(before);
  });
});
