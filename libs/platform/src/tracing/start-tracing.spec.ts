import { otlpTracesUrl, startTracing } from './start-tracing';

describe('tracing configuration', () => {
  it('is off unless an OTLP endpoint is configured', () => {
    expect(otlpTracesUrl({})).toBeUndefined();
    expect(startTracing({ service: 'test', version: '0', env: {} })).toBe(false);
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
  });

  it('sends to <endpoint>/v1/traces, or to the traces endpoint exactly as given', () => {
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe('http://collector:4318/v1/traces');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b/otlp/traces' })).toBe('https://b/otlp/traces');
  });

  it('names the variable when the endpoint is not an http(s) URL', () => {
    expect(() => otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: expected an http:\/\/ or https:\/\/ URL/);
    expect(() => otlpTracesUrl({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://x' })).toThrow(/OTEL_EXPORTER_OTLP_TRACES_ENDPOINT/);
  });
});
