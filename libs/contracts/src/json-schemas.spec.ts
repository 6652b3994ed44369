import { allTopicJsonSchemas } from './json-schemas';
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
});
