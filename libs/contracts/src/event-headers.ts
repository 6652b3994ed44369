import { Envelope } from './envelope.schema';

/**
 * The Kafka headers every event carries. The article ones repeat envelope fields so that a reader
 * needing only "which article, which version, when" (ingest's status tracking, an indexer replica
 * skipping what it already holds) need not parse and validate a 10–20 KB envelope.
 */
export const EVENT_HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  correlationId: 'correlation-id',
  traceparent: 'traceparent',
  contentType: 'content-type',
  articleId: 'article-id',
  articleVersion: 'article-version',
  occurredAt: 'occurred-at',
} as const;

export function eventHeaders(envelope: Envelope): Record<string, string> {
  return {
    [EVENT_HEADERS.eventId]: envelope.eventId,
    [EVENT_HEADERS.eventType]: envelope.type,
    [EVENT_HEADERS.correlationId]: envelope.correlationId,
    ...(envelope.traceparent ? { [EVENT_HEADERS.traceparent]: envelope.traceparent } : {}),
    [EVENT_HEADERS.contentType]: 'application/json',
    [EVENT_HEADERS.articleId]: envelope.articleId,
    [EVENT_HEADERS.articleVersion]: String(envelope.articleVersion),
    [EVENT_HEADERS.occurredAt]: envelope.occurredAt,
  };
}

/** Which article version an event is about, and when it happened. */
export interface EventSubject {
  articleId: string;
  articleVersion: number;
  occurredAt: Date;
  /** The producing span's W3C trace context, when the event carries one. */
  traceparent?: string;
}

type RawHeaders = Record<string, unknown> | undefined;

/**
 * The subject from the headers, or else (an event written before the headers existed) from the
 * envelope's own fields in `value`; undefined when neither names a valid one. Only the envelope's top
 * level is read, never its payload.
 */
export function eventSubjectOf(headers: RawHeaders, value: Buffer | string | null | undefined): EventSubject | undefined {
  const header = (name: string) => {
    const raw = headers?.[name];
    return raw === undefined || raw === null ? undefined : String(raw);
  };
  const fromHeaders = subjectOf(header(EVENT_HEADERS.articleId), Number(header(EVENT_HEADERS.articleVersion)), header(EVENT_HEADERS.occurredAt), header(EVENT_HEADERS.traceparent));
  if (fromHeaders) return fromHeaders;
  if (value === null || value === undefined) return undefined;
  let envelope: Partial<Record<'articleId' | 'articleVersion' | 'occurredAt' | 'traceparent', unknown>>;
  try {
    envelope = JSON.parse(value.toString()) ?? {};
  } catch {
    return undefined;
  }
  return subjectOf(envelope.articleId, envelope.articleVersion, envelope.occurredAt, envelope.traceparent);
}

function subjectOf(articleId: unknown, articleVersion: unknown, occurredAt: unknown, traceparent: unknown): EventSubject | undefined {
  if (typeof articleId !== 'string' || articleId === '') return undefined;
  if (typeof articleVersion !== 'number' || !Number.isInteger(articleVersion) || articleVersion < 1) return undefined;
  const at = typeof occurredAt === 'string' ? new Date(occurredAt) : new Date(NaN);
  if (Number.isNaN(at.getTime())) return undefined;
  return { articleId, articleVersion, occurredAt: at, ...(typeof traceparent === 'string' && traceparent ? { traceparent } : {}) };
}
