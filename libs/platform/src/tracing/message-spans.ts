import { Attributes, context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { traceIdOf } from '../logging/trace-id';
import { activeTracer } from './start-tracing';

function fail(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

const fromTraceparent = (traceparent?: string) => propagation.extract(ROOT_CONTEXT, traceparent ? { traceparent } : {});

/**
 * Runs a Kafka handler inside a CONSUMER span whose parent is the event's `traceparent` (the
 * producer span upstream), so the stages of one article form one trace. Without tracing it only runs `fn`.
 */
export function withConsumerSpan<T>(topic: string, traceparent: string | undefined, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  const tracer = activeTracer();
  if (!tracer) return fn();
  const spanAttributes = { 'messaging.system': 'kafka', 'messaging.operation.type': 'process', 'messaging.destination.name': topic, ...attributes };
  return tracer.startActiveSpan(`process ${topic}`, { kind: SpanKind.CONSUMER, attributes: spanAttributes }, fromTraceparent(traceparent), async (span) => {
    try {
      return await fn();
    } catch (error) {
      fail(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

export interface ProducerSpan {
  /** The traceparent to send with the event (this span's), or undefined without tracing. */
  readonly traceparent?: string;
  end(error?: unknown): void;
}

/**
 * A PRODUCER span for one publish. Its parent is the active span (the handler's consumer span, the
 * HTTP request's span) when that belongs to the caller's trace, else the caller's `traceparent`.
 */
export function startProducerSpan(topic: string, parentTraceparent: string | undefined, attributes: Attributes = {}): ProducerSpan {
  const tracer = activeTracer();
  if (!tracer) return { end: () => undefined };
  const active = trace.getSpan(context.active());
  const inTrace = active && (!parentTraceparent || active.spanContext().traceId === traceIdOf(parentTraceparent));
  const parent = inTrace ? context.active() : fromTraceparent(parentTraceparent);
  const span = tracer.startSpan(`send ${topic}`, {
    kind: SpanKind.PRODUCER,
    attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'send', 'messaging.destination.name': topic, ...attributes },
  }, parent);
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  return {
    traceparent: carrier.traceparent,
    end(error?: unknown) {
      if (error !== undefined) fail(span, error);
      span.end();
    },
  };
}
