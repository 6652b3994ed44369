import { makeArticle, makeEnvelope } from './testing';
import { ContractViolationError, parseEvent } from './validate-event';
import { TOPICS } from './topics';

describe('parseEvent', () => {
  it('accepts a valid article.received envelope and returns the typed payload', () => {
    const article = makeArticle();
    const event = parseEvent(TOPICS.articleReceived, makeEnvelope(TOPICS.articleReceived, { article }));
    expect(event.payload.article.id).toBe(article.id);
    expect(event.articleVersion).toBe(1);
  });

  it('names the missing field when the payload is incomplete', () => {
    const article = makeArticle();
    const raw = makeEnvelope(TOPICS.articleReceived, { article });
    delete (raw.payload.article as Partial<typeof article>).headline;
    expect(() => parseEvent(TOPICS.articleReceived, raw)).toThrow(/payload\.article\.headline/);
  });

  it('rejects an event type that does not belong on the topic', () => {
    const raw = makeEnvelope(TOPICS.articleReceived, { article: makeArticle() }, { type: 'article.indexed' });
    expect(() => parseEvent(TOPICS.articleReceived, raw)).toThrow(/expected article.received/);
  });

  it('rejects a non-object message as a non-retriable contract violation', () => {
    try {
      parseEvent(TOPICS.articleEnriched, 'not json');
      fail('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ContractViolationError);
      expect((error as ContractViolationError).retriable).toBe(false);
    }
  });

  it('requires every earlier stage section on later topics', () => {
    const raw = makeEnvelope(TOPICS.articleReceived, { article: makeArticle() }, { type: 'article.enriched' });
    expect(() => parseEvent(TOPICS.articleEnriched, raw)).toThrow(/payload\.enrichment/);
  });
});
