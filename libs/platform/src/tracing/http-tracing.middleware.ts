import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { activeTracer } from './start-tracing';

/** Probes and scrapes arrive every few seconds and say nothing about articles; tracing them would drown the traces that do. */
const UNTRACED = /^\/(health|metrics)(\/|$)/;

/**
 * A SERVER span per HTTP request, continuing the caller's `traceparent`. The request's traceparent
 * header is then rewritten to name this span, so everything downstream that reads it (the log
 * context, the events the request publishes) continues this span. Mounted before Nest's own
 * middleware; does nothing when tracing is off.
 */
export function tracingHttpMiddleware(request: Request, response: Response, next: NextFunction): void {
  const tracer = activeTracer();
  if (!tracer || UNTRACED.test(request.path)) return next();
  const incoming = request.headers.traceparent;
  const parent = propagation.extract(ROOT_CONTEXT, typeof incoming === 'string' ? { traceparent: incoming } : {});
  const span = tracer.startSpan(request.method, {
    kind: SpanKind.SERVER,
    attributes: { 'http.request.method': request.method, 'url.path': request.path, 'url.scheme': request.protocol },
  }, parent);
  const active = trace.setSpan(parent, span);
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  if (carrier.traceparent) request.headers.traceparent = carrier.traceparent;
  response.once('finish', () => {
    const route = request.route as { path?: unknown } | undefined;
    if (typeof route?.path === 'string') {
      span.updateName(`${request.method} ${request.baseUrl ?? ''}${route.path}`);
      span.setAttribute('http.route', `${request.baseUrl ?? ''}${route.path}`);
    }
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(active, next);
}
