import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { join } from 'node:path';
import { Article } from '@newsflow/contracts';
import { SubmitArticleService } from '../articles/submit-article/submit-article.service';
import { PipelineUnavailable } from '../articles/submit-article/pipeline-unavailable.error';
import { IngestConfig } from '../config/ingest.config';
import { FeedState, Source, SourceRepository } from '../sources/source.repository';
import { FeedPollerService } from './feed-poller.service';

const RSS = readFileSync(join(__dirname, 'fixtures', 'wire.rss.xml'), 'utf8');

describe('FeedPollerService', () => {
  let server: Server;
  let url: string;
  const conditional: Array<string | undefined> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      conditional.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(RSS);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/feed.rss`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  function poller(submit: (article: Article) => Promise<unknown>) {
    const source: Source = {
      _id: 'exw-feed', name: 'feed', keyHash: '', keyPrefix: '', disabled: false, rateLimitPerMinute: 60, createdAt: new Date(), updatedAt: new Date(),
      feed: { url, intervalSeconds: 1, nextPollAt: new Date(0), consecutiveFailures: 0 },
    };
    const sources = {
      dueFeeds: async (now: Date) => (source.feed && source.feed.nextPollAt <= now ? [source] : []),
      claimFeed: async () => true,
      update: async (_id: string, change: { feed: FeedState }) => void (source.feed = change.feed),
    } as unknown as SourceRepository;
    const service = new FeedPollerService(sources, { submit } as unknown as SubmitArticleService,
      { FEED_SCHEDULER_INTERVAL_MS: 1000, FEED_FETCH_TIMEOUT_MS: 5000 } as IngestConfig);
    const pollNow = async () => {
      (source.feed as FeedState).nextPollAt = new Date(0);
      await service.tick(new Date());
      return source.feed as FeedState;
    };
    return { pollNow };
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

  it('counts refused items apart and says why the last was refused', async () => {
    const { pollNow } = poller(async (article) => {
      if (article.sourceItemId.includes('1001')) throw new (await import('../articles/formats/input-problem')).InputProblem(422, 'contract', 'headline: too long', 'headline');
      return { outcome: 'created' };
    });
    const state = await pollNow();
    expect(state).toMatchObject({ consecutiveFailures: 0, lastItemCount: 1, lastRefusedCount: 1, lastRefusal: expect.stringMatching(/1001.*headline: too long/) });
  });
});
