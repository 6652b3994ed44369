import { ArticleSchema } from '@newsflow/contracts';
import { makeArticle } from '@newsflow/contracts/testing';
import { contentHashOf, presentationHashOf } from '../article-identity';
import { KILL_HEADLINE, KILL_NOTICE, killVersionOf } from './kill-version';

const story = makeArticle({
  version: 3,
  headline: 'Minister resigns over contracts',
  summary: 'The minister stepped down on Monday.',
  body: 'PARIS (AFP) - The minister resigned on Monday after reports about contracts.',
  bodyHtml: '<p>PARIS (AFP) - The minister resigned on Monday after reports about contracts.</p>',
  dateline: 'PARIS (AFP) -',
  byline: 'Jane Doe',
  url: 'https://wire.example/minister',
  media: [{ url: 'https://wire.example/minister.jpg', caption: 'The minister' }],
  language: 'fr',
  format: 'ninjs',
  updatedAt: '2026-12-01T10:00:00.000Z',
  embargoedUntil: '2026-12-01T12:00:00.000Z',
  storyClusterId: 'cluster-1',
});
const now = new Date('2026-12-07T17:00:00.000Z');

describe('killVersionOf', () => {
  it('keeps what identifies the story and carries a withdrawal notice instead of its copy', () => {
    const kill = killVersionOf(story, undefined, now);
    expect(ArticleSchema.parse(kill)).toEqual(kill);
    expect(kill).toEqual({
      id: story.id, version: 3, source: story.source, sourceItemId: story.sourceItemId,
      headline: KILL_HEADLINE, body: KILL_NOTICE, language: 'fr', publishedAt: story.publishedAt,
      updatedAt: now.toISOString(), receivedAt: now.toISOString(), pubStatus: 'canceled',
      contentHash: contentHashOf(KILL_HEADLINE, KILL_NOTICE, { pubStatus: 'canceled' }),
    });
    const text = JSON.stringify(kill);
    for (const copy of ['Minister', 'minister', 'PARIS', 'Jane Doe', 'wire.example', 'contracts']) expect(text).not.toContain(copy);
  });

  it('adds the reason to the notice', () => {
    expect(killVersionOf(story, 'Court order 2026/123', now).body).toBe(`${KILL_NOTICE}\n\nReason: Court order 2026/123`);
  });

  it('is a new version for the content hash and the presentation hash, and the same kill twice is not', () => {
    const kill = killVersionOf(story, undefined, now);
    expect(kill.contentHash).not.toBe(story.contentHash);
    expect(kill.contentHash).not.toBe(contentHashOf(KILL_HEADLINE, KILL_NOTICE));
    const later = killVersionOf(story, undefined, new Date(now.getTime() + 60_000));
    expect(later.contentHash).toBe(kill.contentHash);
    expect(presentationHashOf(later)).toBe(presentationHashOf(kill));
  });

  it('never dates the kill before the version it replaces, so that version is not taken for a newer one', () => {
    const ahead = { ...story, updatedAt: '2026-12-07T17:00:05.000Z' };
    expect(killVersionOf(ahead, undefined, now).updatedAt).toBe('2026-12-07T17:00:05.000Z');
  });
});
