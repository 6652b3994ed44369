import { WeatherProviderError } from './weather-provider.errors';

export interface FetchJsonOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * GET a JSON document and turn every way it can go wrong into a WeatherProviderError, so callers
 * only ever see a clear code: HTTP status, timeout, connection failure or a body that is not JSON.
 */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<unknown> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...options.headers }, signal });
  } catch (error) {
    if (timeout.aborted || options.signal?.aborted) {
      throw new WeatherProviderError('WEATHER.UPSTREAM_TIMEOUT', `no answer within ${options.timeoutMs} ms`, { retriable: true, cause: error });
    }
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new WeatherProviderError('WEATHER.UPSTREAM_UNREACHABLE', `request failed: ${reason}`, { retriable: true, cause: error });
  }
  const text = await response.text().catch((error: unknown) => {
    const code = timeout.aborted ? 'WEATHER.UPSTREAM_TIMEOUT' : 'WEATHER.UPSTREAM_UNREACHABLE';
    throw new WeatherProviderError(code, `reading the answer failed: ${(error as Error).message}`, { retriable: true, cause: error });
  });
  if (!response.ok) {
    // 429 and 5xx are worth another try; any other 4xx means our request is wrong and will stay wrong.
    const retriable = response.status === 429 || response.status >= 500;
    throw new WeatherProviderError('WEATHER.UPSTREAM_HTTP', `HTTP ${response.status}: ${text.slice(0, 200)}`, { retriable });
  }
  return parseJsonText(text);
}

/** A truncated or garbled body is often a transient proxy or transfer fault, so it is retriable. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WeatherProviderError('WEATHER.UPSTREAM_MALFORMED', `answer is not JSON: ${JSON.stringify(text.slice(0, 60))}`, { retriable: true, cause: error });
  }
}
