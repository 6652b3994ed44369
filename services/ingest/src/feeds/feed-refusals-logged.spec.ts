import { FeedRefusalsLogged, MAX_REMEMBERED_FEEDS, MAX_REMEMBERED_REFUSALS_PER_FEED } from './feed-refusals-logged';

const refusal = (itemId: string, reason = 'contract headline', content = `{"id":"${itemId}"}`) => ({ itemId, reason, content });

describe('FeedRefusalsLogged', () => {
  it('says an item\'s refusal is news once, and again when the item or the reason changed', () => {
    const logged = new FeedRefusalsLogged();
    expect(logged.first('feed-a', refusal('item-1'))).toBe(true);
    expect(logged.first('feed-a', refusal('item-1'))).toBe(false);
    expect(logged.first('feed-b', refusal('item-1'))).toBe(true);
    expect(logged.first('feed-a', refusal('item-1', 'invalid-timestamp publishedAt'))).toBe(true);
    expect(logged.first('feed-a', refusal('item-1', 'invalid-timestamp publishedAt'))).toBe(false);
    expect(logged.first('feed-a', refusal('item-1', 'invalid-timestamp publishedAt', '{"changed":true}'))).toBe(true);
  });

  it('forgets an item the feed no longer lists, or that was accepted', () => {
    const logged = new FeedRefusalsLogged();
    logged.first('feed-a', refusal('item-1'));
    logged.first('feed-a', refusal('item-2'));
    logged.keepOnly('feed-a', ['item-2', 'item-3']);
    expect(logged.size('feed-a')).toBe(1);
    expect(logged.first('feed-a', refusal('item-1'))).toBe(true);
    expect(logged.first('feed-a', refusal('item-2'))).toBe(false);
    logged.forget('feed-a', 'item-2');
    expect(logged.first('feed-a', refusal('item-2'))).toBe(true);
  });

  it('holds digests, never the item id (often a URL with a name)', () => {
    const logged = new FeedRefusalsLogged();
    logged.first('feed-a', refusal('https://b.example.com/news/minor-jessamy-pellucid-named'));
    expect(JSON.stringify([...(logged as unknown as { feeds: Map<string, Map<string, string>> }).feeds.values()].map((m) => [...m]))).not.toMatch(/jessamy/);
  });

  it('remembers a bounded number of items per feed and of feeds, forgetting the oldest first', () => {
    const logged = new FeedRefusalsLogged();
    for (let n = 0; n <= MAX_REMEMBERED_REFUSALS_PER_FEED; n++) logged.first('feed-a', refusal(`item-${n}`));
    expect(logged.size('feed-a')).toBe(MAX_REMEMBERED_REFUSALS_PER_FEED);
    expect(logged.first('feed-a', refusal(`item-${MAX_REMEMBERED_REFUSALS_PER_FEED}`))).toBe(false);
    expect(logged.first('feed-a', refusal('item-0'))).toBe(true);

    for (let n = 0; n < MAX_REMEMBERED_FEEDS; n++) logged.first(`other-${n}`, refusal('item'));
    expect(logged.size('feed-a')).toBe(0);
    expect(logged.size(`other-${MAX_REMEMBERED_FEEDS - 1}`)).toBe(1);
  });
});
