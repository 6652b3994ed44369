import { EVENT_HEADERS, eventArticleOf, eventHeaders, eventSubjectOf } from './event-headers';
import { makeArticle, makeEnvelope } from './testing';
import { TOPICS } from './topics';

const envelope = makeEnvelope(TOPICS.articleReceived, { article: makeArticle({ version: 3 }) }, { occurredAt: '2026-11-29T10:00:00.000Z' });

describe('event headers', () => {
  it('carry the article, its version and the time, read back without the value', () => {
    const headers = eventHeaders(envelope);
    expect(headers[EVENT_HEADERS.eventId]).toBe(envelope.eventId);
    expect(eventSubjectOf(headers, null)).toEqual({ articleId: envelope.articleId, articleVersion: 3, occurredAt: new Date('2026-11-29T10:00:00.000Z') });
    const traced = { ...envelope, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
    expect(eventSubjectOf(eventHeaders(traced), null)?.traceparent).toBe(traced.traceparent);
    expect(eventSubjectOf({}, Buffer.from(JSON.stringify(traced)))?.traceparent).toBe(traced.traceparent);
  });

  it('fall back to the envelope fields of an event written before the headers existed', () => {
    const legacy = { 'event-id': envelope.eventId, 'content-type': 'application/json' };
    expect(eventSubjectOf(legacy, Buffer.from(JSON.stringify(envelope)))).toEqual({
      articleId: envelope.articleId, articleVersion: 3, occurredAt: new Date('2026-11-29T10:00:00.000Z'),
    });
  });

  it('name no subject for a value that is not an envelope', () => {
    expect(eventSubjectOf({}, Buffer.from('not json'))).toBeUndefined();
    expect(eventSubjectOf({}, Buffer.from(JSON.stringify({ ...envelope, articleVersion: 0 })))).toBeUndefined();
    expect(eventSubjectOf({}, Buffer.from(JSON.stringify({ ...envelope, occurredAt: 'yesterday' })))).toBeUndefined();
    expect(eventSubjectOf({ 'article-id': envelope.articleId, 'article-version': 'x', 'occurred-at': envelope.occurredAt }, null)).toBeUndefined();
    expect(eventSubjectOf(undefined, Buffer.from('null'))).toBeUndefined();
  });

  it('name the article of an event that states no valid time, for readers that need only that', () => {
    const undated = Buffer.from(JSON.stringify({ articleId: envelope.articleId, articleVersion: 3, payload: {} }));
    expect(eventSubjectOf({}, undated)).toBeUndefined();
    expect(eventArticleOf({}, undated)).toEqual({ articleId: envelope.articleId, articleVersion: 3 });
    expect(eventArticleOf({ 'article-id': envelope.articleId, 'article-version': '2' }, Buffer.from('not json'))).toEqual({ articleId: envelope.articleId, articleVersion: 2 });
    expect(eventArticleOf({}, Buffer.from('{not json'))).toBeUndefined();
  });
});
