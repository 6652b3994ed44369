import { newSpanId, newTraceId } from '@newsflow/platform';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** W3C trace context: a new span id under the caller's trace, or a new trace when there is none. */
export function childTraceparent(parent?: string): string {
  const match = parent ? TRACEPARENT.exec(parent) : null;
  const traceId = match ? match[1] : newTraceId();
  const flags = match ? match[3] : '01';
  return `00-${traceId}-${newSpanId()}-${flags}`;
}

/** The trace id of a traceparent; one implementation with the logs' (in platform). */
export { traceIdOf } from '@newsflow/platform';
