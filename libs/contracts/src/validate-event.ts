import { z } from 'zod';
import { compiledCheck, KEY_ZOD_DROPS } from './compiled-check';
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

const envelopeSchemas = new Map<TopicName, z.ZodType>();

/** The envelope of `topic`'s events, its type fixed; the payload is checked by section. */
function envelopeSchemaOf(topic: TopicName): z.ZodType {
  let schema = envelopeSchemas.get(topic);
  if (!schema) {
    schema = EnvelopeSchema.extend({ type: z.literal(TOPIC_CONTRACTS[topic].eventType) });
    envelopeSchemas.set(topic, schema);
  }
  return schema;
}

function payloadShapeOf(topic: TopicName): Record<string, z.ZodType> {
  return (TOPIC_CONTRACTS[topic].payload as unknown as z.ZodObject<Record<string, z.ZodType>>).shape;
}

/**
 * Whether the compiled checks pass a consumed message whole: its envelope, a payload of sections,
 * and each section the topic knows. When they do, zod would return it unchanged (see
 * compiled-check.ts). In parts rather than as one schema per topic: the four topics share their
 * sections, and publishing checks the same sections, so each is compiled once. A section the topic
 * does not know (a later release's stage) is any JSON, as zod's loose payload keeps it.
 */
export function passesCompiledChecks(topic: TopicName, raw: unknown): boolean {
  if (!TOPIC_CONTRACTS[topic] || !compiledCheck(envelopeSchemaOf(topic))(raw)) return false;
  const payload = (raw as { payload?: unknown }).payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const shape = payloadShapeOf(topic);
  const sections = payload as Record<string, unknown>;
  if (Object.hasOwn(sections, KEY_ZOD_DROPS)) return false;
  for (const key of Object.keys(shape)) if (!compiledCheck(shape[key])(sections[key])) return false;
  return true;
}

/**
 * Validates a consumed message: the envelope, the event type for its topic, then the payload. A
 * message the compiled check passes is returned as it is, being what zod would return (see
 * compiled-check.ts); any other goes through zod, which returns its copy or the reasons it refuses.
 */
export function parseEvent<T extends TopicName>(topic: T, raw: unknown): Envelope<PayloadOf<T>> {
  const contract = TOPIC_CONTRACTS[topic];
  if (!contract) throw new ContractViolationError(topic, [`unknown topic ${topic}`]);
  if (passesCompiledChecks(topic, raw)) return raw as Envelope<PayloadOf<T>>;
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
 * again on publish at every stage. A section this release does not know is kept as it is, as the
 * loose payload schema keeps it: passed on from the consumed event, or from a payload stored and
 * republished later (weather's backfill). A new section the compiled check passes is kept as it is
 * too; zod judges any other. The sections keep the payload's order, so the publisher can append the
 * new ones to the consumed bytes (payload-json.ts in libs/messaging).
 */
export function assertPayload<T extends TopicName>(topic: T, payload: unknown, passedOn?: { payload?: unknown }): PayloadOf<T> {
  // Every payload is an object of sections; the union of the four schemas is not callable as one.
  const schema = TOPIC_CONTRACTS[topic].payload as unknown as z.ZodObject<Record<string, z.ZodType>>;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    const refused = schema.safeParse(payload);
    throw new ContractViolationError(topic, refused.success ? ['payload: expected an object'] : describe(refused.error, 'payload'));
  }
  const consumed = passedOn?.payload;
  const reused = (typeof consumed === 'object' && consumed !== null ? consumed : {}) as Record<string, unknown>;
  const passed = (key: string, value: unknown) => Object.hasOwn(reused, key) && reused[key] === value;
  const shape = schema.shape;
  const result: Record<string, unknown> = {};
  const issues: string[] = [];
  const sections = payload as Record<string, unknown>;
  for (const key in sections) {
    const value = sections[key];
    if (!Object.hasOwn(sections, key) || value === undefined || key === KEY_ZOD_DROPS) continue;
    if (!Object.hasOwn(shape, key) || passed(key, value) || compiledCheck(shape[key])(value)) {
      result[key] = value;
      continue;
    }
    const checked = shape[key].safeParse(value);
    if (checked.success) result[key] = checked.data;
    else issues.push(...describe(checked.error, `payload.${key}`));
  }
  // A section the topic requires and the payload lacks.
  for (const key in shape) {
    if (sections[key] !== undefined) continue;
    const checked = shape[key].safeParse(undefined);
    if (!checked.success) issues.push(...describe(checked.error, `payload.${key}`));
  }
  if (issues.length) throw new ContractViolationError(topic, issues);
  return result as PayloadOf<T>;
}
