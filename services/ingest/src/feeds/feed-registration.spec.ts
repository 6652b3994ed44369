import { IngestConfig } from '../config/ingest.config';
import { FeedState, Source } from '../sources/source.repository';
import { SourcesAdminHttpController } from '../sources/sources-admin.http.controller';
import { inMemorySourcesAdmin } from '../sources/sources-admin.testing';

/** The feed rules of POST /v1/admin/sources and of enabling a source, against an in-memory repository. */
describe('registering and resuming a feed', () => {
  const admin = (config: Partial<IngestConfig> = {}) => inMemorySourcesAdmin(config);
  const register = (controller: SourcesAdminHttpController, feed: object, id = 'desk') => controller.create({ id, name: id, feed });

  it.each([
    ['a loopback address', 'http://127.0.0.1:8080/feed', 'feed-url-private'],
    ['the decimal form of loopback', 'http://2130706433/feed', 'feed-url-private'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', 'feed-url-private'],
    ['an IPv4-mapped private address', 'http://[::ffff:192.168.1.10]/rss', 'feed-url-private'],
    ['credentials', 'https://editor:hunter2@feeds.example.org/world.rss', 'feed-url-credentials'],
  ])('refuses a feed URL with %s (422)', async (_name, url, rule) => {
    const { controller, stored } = admin();
    await expect(register(controller, { url })).rejects.toMatchObject({ status: 422, rule, field: 'feed.url' });
    expect(stored.size).toBe(0);
  });

  it('takes a private feed when FEED_ALLOW_PRIVATE_NETWORKS is on, but never credentials', async () => {
    const { controller } = admin({ FEED_ALLOW_PRIVATE_NETWORKS: true });
    await expect(register(controller, { url: 'http://127.0.0.1:8080/feed' })).resolves.toMatchObject({ source: { feed: { url: 'http://127.0.0.1:8080/feed' } } });
    await expect(register(controller, { url: 'http://user:pw@127.0.0.1:8080/feed' }, 'other')).rejects.toMatchObject({ rule: 'feed-url-credentials' });
  });

  it('refuses an interval under FEED_MIN_INTERVAL_SECONDS, naming the field and the minimum', async () => {
    const { controller } = admin();
    await expect(register(controller, { url: 'https://feeds.example.org/world.rss', intervalSeconds: 30 }))
      .rejects.toMatchObject({ status: 422, field: 'feed.intervalSeconds', message: expect.stringMatching(/feed\.intervalSeconds: at least 60 seconds \(FEED_MIN_INTERVAL_SECONDS\)/) });
    await expect(register(controller, { url: 'https://feeds.example.org/world.rss', intervalSeconds: 60 })).resolves.toBeDefined();
  });

  it('resumes a feed that stopped on 410 Gone when the source is enabled', async () => {
    const { controller, stored } = admin();
    await register(controller, { url: 'https://feeds.example.org/world.rss' });
    const source = stored.get('desk') as Source;
    stored.set('desk', { ...source, feed: { ...(source.feed as FeedState), gone: true, consecutiveFailures: 1, lastError: 'gone', nextPollAt: new Date(0) } });
    const before = Date.now();
    const enabled = (await controller.enable('desk')) as unknown as Source;
    expect(enabled.feed).toMatchObject({ gone: false, consecutiveFailures: 0 });
    expect((enabled.feed as FeedState).nextPollAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('changes a feed: a new URL starts afresh under the same source, a new interval keeps the feed\'s state, null makes it push-only', async () => {
    const { controller, stored } = admin();
    await register(controller, { url: 'https://feeds.example.org/world.rss' });
    stored.set('desk', { ...(stored.get('desk') as Source), feed: { ...(stored.get('desk')?.feed as FeedState), etag: '"v7"', consecutiveFailures: 2 } });
    await controller.change('desk', { feed: { intervalSeconds: 900 } });
    expect(stored.get('desk')?.feed).toMatchObject({ url: 'https://feeds.example.org/world.rss', intervalSeconds: 900, etag: '"v7"', consecutiveFailures: 2 });
    await controller.change('desk', { feed: { url: 'https://feeds.example.org/v2/world.rss' }, name: 'Desk v2' });
    expect(stored.get('desk')).toMatchObject({ name: 'Desk v2', feed: { url: 'https://feeds.example.org/v2/world.rss', intervalSeconds: 900, consecutiveFailures: 0 } });
    expect(stored.get('desk')?.feed?.etag).toBeUndefined();
    await controller.change('desk', { feed: null });
    expect(stored.get('desk')?.feed).toBeUndefined();
  });

  it('refuses a change that is empty, unknown, private or under the minimum interval', async () => {
    const { controller } = admin();
    await register(controller, { url: 'https://feeds.example.org/world.rss' });
    await expect(controller.change('desk', {})).rejects.toMatchObject({ status: 422, rule: 'invalid-source' });
    await expect(controller.change('desk', { keyHash: 'x' })).rejects.toMatchObject({ status: 422, rule: 'invalid-source' });
    await expect(controller.change('desk', { feed: { url: 'http://10.0.0.5/rss' } })).rejects.toMatchObject({ status: 422, rule: 'feed-url-private' });
    await expect(controller.change('desk', { feed: { intervalSeconds: 5 } })).rejects.toMatchObject({ status: 422, field: 'feed.intervalSeconds' });
    await expect(controller.change('nobody', { name: 'x' })).rejects.toMatchObject({ status: 404 });
  });

  it('never shows the password of a feed URL stored before such URLs were refused', async () => {
    const { controller, stored } = admin();
    await register(controller, { url: 'https://feeds.example.org/world.rss' });
    stored.set('desk', { ...(stored.get('desk') as Source), feed: { ...(stored.get('desk')?.feed as FeedState), url: 'https://editor:hunter2@feeds.example.org/world.rss' } });
    expect(JSON.stringify(await controller.show('desk'))).not.toContain('hunter2');
  });
});
