import { TOPIC_CONTRACTS } from './event-registry';
import { topicJsonSchema } from './json-schemas';
import { deadLetterTopic, PIPELINE_STAGES, TopicName } from './topics';

const PRODUCERS: Record<string, string> = {
  'news.articles.received.v1': 'ingest',
  'news.articles.enriched.v1': 'enricher',
  'news.articles.weather.v1': 'weather',
  'news.articles.indexed.v1': 'indexer',
};

const HEADERS = {
  type: 'object',
  properties: {
    'event-id': { type: 'string', description: 'Same as the envelope eventId' },
    'event-type': { type: 'string', description: 'Same as the envelope type' },
    'correlation-id': { type: 'string' },
    traceparent: { type: 'string', description: 'W3C trace context' },
    'content-type': { const: 'application/json' },
    'article-id': { type: 'string', description: 'Same as the envelope articleId' },
    'article-version': { type: 'string', description: 'The envelope articleVersion, in decimal' },
    'occurred-at': { type: 'string', description: 'Same as the envelope occurredAt' },
  },
};

/**
 * The AsyncAPI 3.0 description of every topic, built from the same contract table and zod schemas
 * the services use, so the published document cannot drift from the code (a test compares them).
 */
export function asyncApiDocument(version: string): Record<string, unknown> {
  const topics = Object.keys(TOPIC_CONTRACTS) as TopicName[];
  const key = (topic: string) => topic.replace(/[^A-Za-z0-9]+/g, '_');
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const topic of topics) {
    const contract = TOPIC_CONTRACTS[topic];
    const id = key(topic);
    messages[id] = {
      name: contract.eventType,
      title: `${contract.eventType} (schema version ${contract.schemaVersion})`,
      contentType: 'application/json',
      headers: HEADERS,
      payload: topicJsonSchema(topic),
      bindings: { kafka: { key: { type: 'string', format: 'uuid', description: 'The article id: versions of one article stay in order' } } },
    };
    channels[id] = { address: topic, messages: { [contract.eventType]: { $ref: `#/components/messages/${id}` } } };
    operations[`receive_${id}`] = { action: 'receive', channel: { $ref: `#/channels/${id}` }, summary: `Consume ${contract.eventType} (written by ${PRODUCERS[topic]})` };
  }
  for (const stage of PIPELINE_STAGES) {
    const topic = deadLetterTopic(stage);
    channels[key(topic)] = {
      address: topic,
      description: `Messages ${stage} could not process: the original key, value and headers, plus dlq-* headers (error code and message, original topic, partition, offset, stage, time).`,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Newsflow topics',
      version,
      description: 'Every event is JSON in one envelope (eventId, type, schemaVersion, occurredAt, correlationId, traceparent, producer, articleId, articleVersion, payload), keyed by article id. Delivery is at least once, and an article version is published again once, with weather.backfilledAt set, when its weather could only be attached later: keep per articleId the event with the highest articleVersion, and of two with the same version the one with weather.backfilledAt; anything else with the same articleId + articleVersion is a duplicate. Honour article.pubStatus (withheld: do not publish yet; canceled: take down), article.embargoedUntil (not before) and article.expiresAt (not after). Within a topic version fields are only added, as optional: ignore those you do not know, and when you pass an event on (as each stage does), pass them on as they came, at every level (the payload\'s objects are open for that). An enum gains no value within a version: a value you do not know is an error, not an unknown field.',
    },
    channels,
    operations,
    components: { messages },
  };
}
