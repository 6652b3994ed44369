import { createHash, randomUUID } from 'node:crypto';
import { Article } from '../article.schema';
import { Envelope } from '../envelope.schema';
import { PayloadOf, TOPIC_CONTRACTS } from '../event-registry';
import { TopicName } from '../topics';

/** A valid canonical article; override any field. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  const headline = overrides.headline ?? 'Test headline';
  const body = overrides.body ?? 'LONDON (Reuters) - A test body about London.';
  return {
    id: randomUUID(),
    version: 1,
    source: { id: 'test-wire', name: 'Test Wire' },
    sourceItemId: `item-${randomUUID()}`,
    headline,
    body,
    language: 'en',
    publishedAt: '2025-11-24T09:00:00Z',
    receivedAt: new Date().toISOString(),
    contentHash: createHash('sha256').update(`${headline}\n${body}`).digest('hex'),
    ...overrides,
  };
}

/** A valid envelope for `topic` around `payload`. */
export function makeEnvelope<T extends TopicName>(
  topic: T,
  payload: PayloadOf<T>,
  overrides: Partial<Envelope<PayloadOf<T>>> = {},
): Envelope<PayloadOf<T>> {
  const article = (payload as { article: Article }).article;
  return {
    eventId: randomUUID(),
    type: TOPIC_CONTRACTS[topic].eventType,
    schemaVersion: TOPIC_CONTRACTS[topic].schemaVersion,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    producer: 'test@0.0.0',
    articleId: article.id,
    articleVersion: article.version,
    payload,
    ...overrides,
  };
}
