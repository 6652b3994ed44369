import { z } from 'zod';

/**
 * Every event on every topic travels in this envelope. The Kafka message key is `articleId`, so all
 * versions of one article stay in one partition and are consumed in order. Unlike the payload's
 * objects it drops keys it does not know: it describes one stage's event, and the next stage writes
 * its own envelope rather than passing this one on.
 */
export const EnvelopeSchema = z.object({
  /** Unique per event; consumers record it to make redelivery a no-op (idempotency key). */
  eventId: z.uuid(),
  /** What happened, e.g. `article.received`; lets a consumer reject a message on the wrong topic. */
  type: z.string().min(1),
  /** Version of `payload`'s shape for this type; bumped only with a new topic name. */
  schemaVersion: z.number().int().positive(),
  /** When the producing stage finished its work (ISO 8601 UTC). */
  occurredAt: z.iso.datetime({ offset: true }),
  /** Stays the same from the HTTP request that brought the article in to the final topic. */
  correlationId: z.string().min(1).max(200),
  /** W3C trace context of the producing span, also sent as the `traceparent` Kafka header. */
  traceparent: z.string().optional(),
  /** `<service>@<version>` that wrote the event, for debugging mixed-version deployments. */
  producer: z.string().min(1),
  articleId: z.uuid(),
  /** Article version the payload describes; consumers never let an older version overwrite a newer. */
  articleVersion: z.number().int().positive(),
  payload: z.unknown(),
});

export type Envelope<P = unknown> = Omit<z.infer<typeof EnvelopeSchema>, 'payload'> & { payload: P };
