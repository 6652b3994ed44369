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
type RawValue = Buffer | string | null | undefined;
/** The fields as an event states them, not yet checked. */
type Stated = Partial<Record<'articleId' | 'articleVersion' | 'occurredAt' | 'traceparent', unknown>>;

/** Which article version an event is about, when the date it happened does not matter. */
export interface EventArticle {
  articleId: string;
  articleVersion: number;
}

/**
 * The subject from the headers, or else (an event written before the headers existed) from the
 * envelope's own fields in `value`; undefined when neither names a valid one. Only the envelope's top
 * level is read, never its payload.
 */
export function eventSubjectOf(headers: RawHeaders, value: RawValue): EventSubject | undefined {
  return fromHeadersOrEnvelope(headers, value, subjectOf);
}

/** The same, for a reader that needs only the article version (a dead letter may lack the rest). */
export function eventArticleOf(headers: RawHeaders, value: RawValue): EventArticle | undefined {
  return fromHeadersOrEnvelope(headers, value, articleOf);
}

function fromHeadersOrEnvelope<T>(headers: RawHeaders, value: RawValue, read: (stated: Stated) => T | undefined): T | undefined {
  const header = (name: string) => {
    const raw = headers?.[name];
    return raw === undefined || raw === null ? undefined : String(raw);
  };
  const version = header(EVENT_HEADERS.articleVersion);
  const fromHeaders = read({
    articleId: header(EVENT_HEADERS.articleId),
    articleVersion: version === undefined ? undefined : Number(version),
    occurredAt: header(EVENT_HEADERS.occurredAt),
    traceparent: header(EVENT_HEADERS.traceparent),
  });
  if (fromHeaders || value === null || value === undefined) return fromHeaders;
  let envelope: unknown;
  try {
    envelope = JSON.parse(value.toString());
  } catch {
    return undefined;
  }
  return typeof envelope === 'object' && envelope !== null ? read(envelope as Stated) : undefined;
}

function articleOf({ articleId, articleVersion }: Stated): EventArticle | undefined {
  if (typeof articleId !== 'string' || articleId === '') return undefined;
  if (typeof articleVersion !== 'number' || !Number.isInteger(articleVersion) || articleVersion < 1) return undefined;
  return { articleId, articleVersion };
}

function subjectOf(stated: Stated): EventSubject | undefined {
  const article = articleOf(stated);
  const at = typeof stated.occurredAt === 'string' ? new Date(stated.occurredAt) : new Date(NaN);
  if (!article || Number.isNaN(at.getTime())) return undefined;
  const { traceparent } = stated;
  return { ...article, occurredAt: at, ...(typeof traceparent === 'string' && traceparent ? { traceparent } : {}) };
}
