import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { allTopicJsonSchemas } from './json-schemas';
import { makeArticle, makeEnvelope } from './testing';
import { ALL_TOPICS, TOPICS } from './topics';

describe('JSON Schemas', () => {
  it('exists for every topic and pins the event type', () => {
    const schemas = allTopicJsonSchemas();
    expect(Object.keys(schemas).sort()).toEqual([...ALL_TOPICS].sort());
    const received = schemas[TOPICS.articleReceived] as { properties: Record<string, { const?: string }> };
    expect(received.properties.type.const).toBe('article.received');
  });

  it('requires the indexed topic to carry every stage section', () => {
    const indexed = allTopicJsonSchemas()[TOPICS.articleIndexed] as {
      properties: { payload: { required: string[] } };
    };
    expect(indexed.properties.payload.required).toEqual(
      expect.arrayContaining(['article', 'enrichment', 'weather', 'indexing']),
    );
  });

  it('lets a consumer that validates with them read an event carrying a field added later', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(allTopicJsonSchemas()[TOPICS.articleReceived]);
    const event = makeEnvelope(TOPICS.articleReceived, { article: makeArticle() });
    expect(validate(event)).toBe(true);
    const later = { ...event, payload: { article: { ...event.payload.article, someFieldAddedLater: 'x' } } };
    expect(validate(later)).toBe(true);
    expect(validate({ ...event, payload: { article: { ...event.payload.article, headline: 42 } } })).toBe(false);
  });

  it('describes the fields a consumer must act on', () => {
    const article = (allTopicJsonSchemas()[TOPICS.articleIndexed] as { properties: { payload: { properties: { article: { properties: Record<string, { description?: string }> } } } } })
      .properties.payload.properties.article.properties;
    expect(article.pubStatus.description).toMatch(/withheld/);
    expect(article.embargoedUntil.description).toMatch(/embargo/);
  });
});
