import { z } from 'zod';
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

/** Validates a consumed message: the envelope, the event type for its topic, then the payload. */
export function parseEvent<T extends TopicName>(topic: T, raw: unknown): Envelope<PayloadOf<T>> {
  const contract = TOPIC_CONTRACTS[topic];
  if (!contract) throw new ContractViolationError(topic, [`unknown topic ${topic}`]);
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new ContractViolationError(topic, describe(envelope.error, 'envelope'));
  if (envelope.data.type !== contract.eventType) {
    throw new ContractViolationError(topic, [`type: expected ${contract.eventType}, got ${envelope.data.type}`]);
  }
  const payload = contract.payload.safeParse(envelope.data.payload);
  if (!payload.success) throw new ContractViolationError(topic, describe(payload.error, 'payload'));
  return { ...envelope.data, payload: payload.data as PayloadOf<T> };
}

/** Validates an outgoing payload so a producer bug is caught before it reaches consumers. */
export function assertPayload<T extends TopicName>(topic: T, payload: unknown): PayloadOf<T> {
  const result = TOPIC_CONTRACTS[topic].payload.safeParse(payload);
  if (!result.success) throw new ContractViolationError(topic, describe(result.error, 'payload'));
  return result.data as PayloadOf<T>;
}
