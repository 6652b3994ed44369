import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Fields every log line written while handling one message or one HTTP request carries, so a
 * shipper can follow one article (and one trace) across the four services.
 */
export interface LogContext {
  /** The trace id of the W3C traceparent (32 hex digits). */
  traceId?: string;
  correlationId?: string;
  articleId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` (and everything it awaits) with `context` merged over the caller's context. */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  const defined = Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined && value !== ''));
  return storage.run({ ...storage.getStore(), ...defined }, fn);
}

/** The fields of the message or request being handled; empty outside one. */
export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}

/** Adds fields learnt mid-way (e.g. the article id once a request body is parsed) to the current context. */
export function addToLogContext(fields: LogContext): void {
  const store = storage.getStore();
  if (!store) return;
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) store[key as keyof LogContext] = value;
}
