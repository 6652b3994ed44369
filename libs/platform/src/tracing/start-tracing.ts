import { trace, Tracer } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { AppError } from '../errors/app-error';
import { SHUTDOWN_SIGNALS } from '../runtime/shutdown-signals';

let provider: NodeTracerProvider | undefined;
let tracer: Tracer | undefined;

/** The tracer when OTLP export is on; undefined otherwise, and every span helper then does nothing. */
export function activeTracer(): Tracer | undefined {
  return tracer;
}

export interface TracingOptions {
  service: string;
  version: string;
  env?: NodeJS.ProcessEnv;
}

/** The OTLP/HTTP traces URL from the standard variables: the signal-specific one as given, else `<endpoint>/v1/traces`. */
export function otlpTracesUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (env.OTEL_SDK_DISABLED === 'true') return undefined;
  const specific = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const general = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const [name, url] = specific ? ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', specific] : ['OTEL_EXPORTER_OTLP_ENDPOINT', general ? `${general.replace(/\/+$/, '')}/v1/traces` : ''];
  if (!url) return undefined;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new AppError('CONFIG.INVALID', `${name}: expected an http:// or https:// URL, got ${JSON.stringify(url.slice(0, 200))}`);
  }
  return url;
}

/**
 * OpenTelemetry trace export over OTLP/HTTP (JSON), off unless OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. Called once at start-up, before Nest boots. Spans
 * continue the W3C traceparent the services already carry in HTTP and Kafka headers, so one trace
 * covers an article's way through the four services. Returns whether export is on.
 */
export function startTracing({ service, version, env = process.env }: TracingOptions): boolean {
  if (tracer) return true;
  const url = otlpTracesUrl(env);
  if (!url) return false;
  // Loaded only when export is on: the SDK and exporter are ~10 MB of every service's memory otherwise.
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { BatchSpanProcessor, NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME?.trim() || service, 'service.version': version, 'service.namespace': 'newsflow' }),
    // Batches leave every second, so a trace is visible in the backend shortly after the article passed.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 1000 })],
  });
  // Installs the AsyncLocalStorage context manager and the W3C trace-context propagator globally.
  provider.register();
  tracer = trace.getTracer('@newsflow/platform', version);
  // A draining service still has spans in the batch: send them while Nest closes the app.
  for (const signal of SHUTDOWN_SIGNALS) process.once(signal, () => void provider?.forceFlush().catch(() => undefined));
  return true;
}

/** Flushes and stops export (tests, and callers that manage shutdown themselves). */
export async function stopTracing(): Promise<void> {
  const current = provider;
  provider = undefined;
  tracer = undefined;
  await current?.shutdown();
}
