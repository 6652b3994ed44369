import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { LogContext, runWithLogContext } from '../logging/log-context';
import { newSpanId, newTraceId, traceIdOf } from '../logging/trace-id';
import { counter, histogram } from '../metrics/metrics';

const requests = counter('newsflow_http_requests_total', 'HTTP requests answered', ['method', 'route', 'status']);
const duration = histogram('newsflow_http_request_duration_seconds', 'HTTP request latency (until the response is sent)', ['method', 'route', 'status']);

/** Log context per request, kept for the interceptor (a body parser's callback loses the async context). */
const requestContexts = new WeakMap<object, LogContext>();

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A request without a valid traceparent starts a trace here and one without a correlation id gets
 * one, so the request's own log lines carry the same ids as the events it causes downstream.
 */
function ensureRequestIds(request: Request, response: Response): void {
  if (!traceIdOf(header(request, 'traceparent'))) {
    request.headers.traceparent = `00-${newTraceId()}-${newSpanId()}-01`;
  }
  const correlationId = header(request, 'x-correlation-id')?.slice(0, 200) || randomUUID();
  request.headers['x-correlation-id'] = correlationId;
  response.setHeader('x-correlation-id', correlationId);
}

export function logContextOfRequest(request: object): LogContext | undefined {
  return requestContexts.get(request);
}

/**
 * The route template (`/v1/articles/:id/status`), not the path, so the label set stays small.
 * Nest mounts this middleware as a catch-all route, so a request whose route is still that one
 * (or none) matched no handler; those share one label.
 */
function routeOf(request: Request, middlewareRoute: unknown): string {
  const route = request.route as { path?: unknown } | undefined;
  if (!route || route === middlewareRoute || typeof route.path !== 'string') return 'unmatched';
  return `${request.baseUrl ?? ''}${route.path}`;
}

/**
 * Counts and times every HTTP request by method, route and status, and runs the rest of the
 * request with a log context taken from the `traceparent` and `x-correlation-id` headers.
 */
export function httpObservabilityMiddleware(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  const middlewareRoute: unknown = request.route;
  response.once('finish', () => {
    const labels = { method: request.method, route: routeOf(request, middlewareRoute), status: String(response.statusCode) };
    requests.inc(labels);
    duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
  });
  ensureRequestIds(request, response);
  const context: LogContext = { traceId: traceIdOf(header(request, 'traceparent')), correlationId: header(request, 'x-correlation-id') };
  requestContexts.set(request, context);
  runWithLogContext(context, next);
}
