import { z } from 'zod';
import { compiledCheck } from './compiled-check';
import { Envelope, EnvelopeSchema } from './envelope.schema';
import { PayloadOf, TOPIC_CONTRACTS } from './event-registry';
import { TopicName } from './topics';

/** A message that can never be processed as sent; retrying it is pointless. */
export class ContractViolationError extends Error {
  readonly code = 'CONTRACT.VIOLATION';
  readonly retriable = false;
  constructor(
    readonly topic: string,
    readonly issues: string[],
  ) {
    super(`message on ${topic} violates its contract: ${issues.join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

function describe(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.')}: ${i.message}`);
}

const eventSchemas = new Map<TopicName, z.ZodType>();

/** The whole event of `topic` as one schema, for the compiled check: envelope, its type for the topic, payload. */
function eventSchemaOf(topic: TopicName): z.ZodType {
  let schema = eventSchemas.get(topic);
  if (!schema) {
    const contract = TOPIC_CONTRACTS[topic];
    schema = EnvelopeSchema.extend({ type: z.literal(contract.eventType), payload: contract.payload });
    eventSchemas.set(topic, schema);
  }
  return schema;
}

/**
 * Validates a consumed message: the envelope, the event type for its topic, then the payload. A
 * message the compiled check passes is returned as it is, being what zod would return (see
 * compiled-check.ts); any other goes through zod, which returns its copy or the reasons it refuses.
 */
export function parseEvent<T extends TopicName>(topic: T, raw: unknown): Envelope<PayloadOf<T>> {
  const contract = TOPIC_CONTRACTS[topic];
  if (!contract) throw new ContractViolationError(topic, [`unknown topic ${topic}`]);
  if (compiledCheck(eventSchemaOf(topic))(raw)) return raw as Envelope<PayloadOf<T>>;
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new ContractViolationError(topic, describe(envelope.error, 'envelope'));
  if (envelope.data.type !== contract.eventType) {
    throw new ContractViolationError(topic, [`type: expected ${contract.eventType}, got ${envelope.data.type}`]);
  }
  const payload = contract.payload.safeParse(envelope.data.payload);
  if (!payload.success) throw new ContractViolationError(topic, describe(payload.error, 'payload'));
  return { ...envelope.data, payload: payload.data as PayloadOf<T> };
}

/**
 * Validates an outgoing payload so a producer bug is caught before it reaches consumers. A section
 * that is the very object `passedOn`'s validation produced (a stage passing on the event it consumed,
 * as every stage does with what came before its own section) is kept as it is instead of being
 * validated again: at 10–20 KB a whole payload took 0.2–0.5 ms to validate, once on consume and
 * again on publish at every stage. Unknown top-level keys are dropped, as a whole parse drops them.
 * A new section the compiled check passes is kept as it is too; zod judges any other.
 */
export function assertPayload<T extends TopicName>(topic: T, payload: unknown, passedOn?: { payload?: unknown }): PayloadOf<T> {
  // Every payload is an object of sections; the union of the four schemas is not callable as one.
  const schema = TOPIC_CONTRACTS[topic].payload as unknown as z.ZodObject<Record<string, z.ZodType>>;
  const consumed = passedOn?.payload;
  if (typeof payload !== 'object' || payload === null || typeof consumed !== 'object' || consumed === null) {
    return parsePayload(topic, schema, payload) as PayloadOf<T>;
  }
  const sections = payload as Record<string, unknown>;
  const reused = consumed as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  const issues: string[] = [];
  for (const [key, section] of Object.entries(schema.shape)) {
    if (sections[key] !== undefined && (sections[key] === reused[key] || compiledCheck(section)(sections[key]))) {
      result[key] = sections[key];
      continue;
    }
    const checked = section.safeParse(sections[key]);
    if (checked.success) {
      if (checked.data !== undefined) result[key] = checked.data;
    } else {
      issues.push(...describe(checked.error, `payload.${key}`));
    }
  }
  if (issues.length) throw new ContractViolationError(topic, issues);
  return result as PayloadOf<T>;
}

function parsePayload(topic: TopicName, schema: z.ZodType, payload: unknown): unknown {
  if (compiledCheck(schema)(payload)) return payload;
  const result = schema.safeParse(payload);
  if (!result.success) throw new ContractViolationError(topic, describe(result.error, 'payload'));
  return result.data;
}
