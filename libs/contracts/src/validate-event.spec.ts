import { makeArticle, makeEnvelope } from './testing';
import { assertPayload, ContractViolationError, parseEvent } from './validate-event';
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

describe('assertPayload', () => {
  const enrichment = { status: 'enriched' as const, language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: '2026-11-29T10:00:00.000Z' };
  const consumed = parseEvent(TOPICS.articleReceived, makeEnvelope(TOPICS.articleReceived, { article: makeArticle() }));

  it('keeps the sections passed on from the consumed event as they are, and validates the new one', () => {
    // A key the topic does not know is kept, as the loose payload schema keeps it (unknown-fields.spec.ts).
    const payload = { ...consumed.payload, enrichment, stray: 'kept' };
    const valid = assertPayload(TOPICS.articleEnriched, payload, consumed);
    expect(valid.article).toBe(consumed.payload.article);
    expect(valid.enrichment).toEqual(enrichment);
    expect(valid).toHaveProperty('stray', 'kept');
    expect(() => assertPayload(TOPICS.articleEnriched, { ...consumed.payload, enrichment: { ...enrichment, status: 'done' } }, consumed))
      .toThrow(/payload\.enrichment\.status/);
  });

  it('validates a section that is not the consumed object itself, and everything without a consumed event', () => {
    const copied = { article: { ...consumed.payload.article, version: 0 }, enrichment };
    expect(() => assertPayload(TOPICS.articleEnriched, copied, consumed)).toThrow(/payload\.article\.version/);
    expect(() => assertPayload(TOPICS.articleEnriched, copied, { correlationId: 'c' } as { payload?: unknown })).toThrow(/payload\.article\.version/);
    expect(() => assertPayload(TOPICS.articleEnriched, { enrichment }, consumed)).toThrow(/payload\.article/);
  });
});
