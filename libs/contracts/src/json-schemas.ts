import { z } from 'zod';
import { EnvelopeSchema } from './envelope.schema';
import { TOPIC_CONTRACTS } from './event-registry';
import { TopicName } from './topics';

/**
 * JSON Schemas are generated from the zod schemas, never written by hand, so the documented
 * contract and the TypeScript types cannot drift apart. Their objects are open (zod's input view,
 * and the payload's objects are loose besides): a topic version gains optional fields over time
 * (README, "Consuming the final topic"), and a consumer validating with a closed schema would refuse
 * every event after the first addition.
 */
export function topicJsonSchema(topic: TopicName): Record<string, unknown> {
  const contract = TOPIC_CONTRACTS[topic];
  const schema = EnvelopeSchema.extend({
    type: z.literal(contract.eventType),
    schemaVersion: z.literal(contract.schemaVersion),
    payload: contract.payload,
  });
  return {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    $id: `https://newsflow.dev/schemas/${topic}.json`,
    title: `${topic} (${contract.eventType})`,
  };
}

export function allTopicJsonSchemas(): Record<TopicName, Record<string, unknown>> {
  const topics = Object.keys(TOPIC_CONTRACTS) as TopicName[];
  return Object.fromEntries(topics.map((t) => [t, topicJsonSchema(t)])) as Record<TopicName, Record<string, unknown>>;
}
