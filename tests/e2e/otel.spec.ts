import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { RunningService, ServiceName, startStages, stageEnv, stopService } from '../support/service-process';
import { createSource, submitArticle } from '../support/sources';
import { unique } from '../support/unique';
import { waitFor } from '../support/wait-for';
const { seedArticleRequest } = require('../../samples/load-samples');

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
}

// OTLP span kinds (opentelemetry-proto): SERVER 2, PRODUCER 4, CONSUMER 5.
const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

interface OtlpJson {
  resourceSpans?: Array<{
    resource?: { attributes?: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans?: Array<{ spans?: Array<{ traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number }> }>;
  }>;
}

/** A local OTLP/HTTP receiver: collects every span POSTed to /v1/traces (JSON, optionally gzip). */
async function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; server: Server }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces' || !String(request.headers['content-type']).includes('json')) {
        response.writeHead(415).end();
        return;
      }
      const raw = Buffer.concat(chunks);
      const body = JSON.parse((request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString()) as OtlpJson;
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = resourceSpans.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const scope of resourceSpans.scopeSpans ?? []) {
          for (const s of scope.spans ?? []) spans.push({ service, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId ?? '', name: s.name, kind: s.kind });
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

/**
 * With OTEL_EXPORTER_OTLP_ENDPOINT set, the four services export spans that continue the W3C
 * traceparent carried from the HTTP request through every Kafka header: one trace per article.
 */
describe('OpenTelemetry export across the pipeline', () => {
  const run = unique('otel');
  const services = {} as Record<ServiceName, RunningService>;
  let weatherProvider: FakeOpenMeteo;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    weatherProvider = await startFakeOpenMeteo();
    const env = stageEnv(run, weatherProvider.url, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    await startStages(run, env, services);
  });

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => stopService(s)));
    await weatherProvider?.close();
    receiver?.server.close();
  });

  it("exports one trace holding the article's spans from all four services, each stage a child of the one before", async () => {
    const apiKey = await createSource(services.ingest.url, 'sample-wire');
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = 'b'.repeat(16);
    await submitArticle(services.ingest.url, apiKey, { ...seedArticleRequest(), sourceItemId: `otel-${run}`, publishedAt: new Date().toISOString() }, {
      traceparent: `00-${traceId}-${callerSpanId}-01`,
    });

    const spanOf = (service: string, kind: number, name: string) =>
      receiver.spans.find((s) => s.traceId === traceId && s.service === service && s.kind === kind && s.name === name);
    const chain = await waitFor(() => {
      const found = {
        request: spanOf('ingest', SERVER, 'POST /v1/articles'),
        received: spanOf('ingest', PRODUCER, 'send news.articles.received.v1'),
        enrich: spanOf('enricher', CONSUMER, 'process news.articles.received.v1'),
        enriched: spanOf('enricher', PRODUCER, 'send news.articles.enriched.v1'),
        weather: spanOf('weather', CONSUMER, 'process news.articles.enriched.v1'),
        weathered: spanOf('weather', PRODUCER, 'send news.articles.weather.v1'),
        index: spanOf('indexer', CONSUMER, 'process news.articles.weather.v1'),
        indexed: spanOf('indexer', PRODUCER, 'send news.articles.indexed.v1'),
        // Ingest reads the later topics to track status, and its consumer spans belong to the same
        // trace. It fetches them with a wait of up to 1 s, so this span may come after the rest.
        tracked: spanOf('ingest', CONSUMER, 'process news.articles.indexed.v1'),
      };
      return Object.values(found).every(Boolean) ? (found as Record<keyof typeof found, ReceivedSpan>) : undefined;
    }, { timeoutMs: 120_000, intervalMs: 500, what: `spans of trace ${traceId} from the four services` });

    const inTrace = receiver.spans.filter((s) => s.traceId === traceId);
    expect([...new Set(inTrace.map((s) => s.service))].sort()).toEqual(['enricher', 'indexer', 'ingest', 'weather']);
    // The caller's span is the parent of the request; each hop's parent is the span before it.
    expect(chain.request.parentSpanId).toBe(callerSpanId);
    expect(chain.received.parentSpanId).toBe(chain.request.spanId);
    expect(chain.enrich.parentSpanId).toBe(chain.received.spanId);
    expect(chain.enriched.parentSpanId).toBe(chain.enrich.spanId);
    expect(chain.weather.parentSpanId).toBe(chain.enriched.spanId);
    expect(chain.weathered.parentSpanId).toBe(chain.weather.spanId);
    expect(chain.index.parentSpanId).toBe(chain.weathered.spanId);
    expect(chain.indexed.parentSpanId).toBe(chain.index.spanId);
    // Health probes and scrapes are not traced.
    expect(receiver.spans.some((s) => /health|metrics/.test(s.name))).toBe(false);
  });
});
