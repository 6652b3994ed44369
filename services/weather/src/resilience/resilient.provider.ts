import { Logger } from '@nestjs/common';
import { counter, gauge, histogram, normalizeError } from '@newsflow/platform';
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  IPolicy,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { WeatherProviderError } from '../provider/weather-provider.errors';
import { ForecastQuery, ProviderForecast, WeatherProvider } from '../provider/weather-provider.port';

const requests = counter('newsflow_weather_upstream_requests_total', 'Calls to the weather provider (each attempt)', ['provider', 'operation']);
const errors = counter('newsflow_weather_upstream_errors_total', 'Failed calls to the weather provider', ['provider', 'code']);
const latency = histogram('newsflow_weather_upstream_duration_seconds', 'Weather provider latency per attempt', ['provider', 'operation', 'outcome']);
const breakerState = gauge('newsflow_weather_breaker_state', 'Provider circuit breaker: 0 closed, 1 open, 2 half-open, 3 isolated', ['provider']);

export interface ResilienceOptions {
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  initialDelayMs: number;
  maxDelayMs?: number;
  breakerThreshold: number;
  halfOpenAfterMs: number;
}

/**
 * Failures worth another attempt, and the only ones that say the provider is unwell: a timeout, a
 * 5xx, a 429, a lost connection. A 4xx refusal of our request says nothing about the provider's
 * health (five stories from 1938 must not open the circuit for everyone else).
 */
function isRetriable(error: unknown): boolean {
  return error instanceof TaskCancelledError || (error instanceof WeatherProviderError && error.retriable);
}

/**
 * Puts a provider behind retry (jittered exponential backoff, only for retriable errors) → circuit
 * breaker → per-attempt timeout. The breaker sits inside the retry so every failed attempt counts
 * towards opening it (only retriable failures count), and an open breaker fails the lookup at once instead of waiting out the retries:
 * a dead provider then costs articles microseconds, not seconds. Every failure leaves as a
 * WeatherProviderError.
 */
export class ResilientProvider implements WeatherProvider {
  private readonly logger = new Logger(ResilientProvider.name);
  private readonly policy: IPolicy;

  constructor(
    private readonly inner: WeatherProvider,
    options: ResilienceOptions,
  ) {
    const retryPolicy = retry(
      handleWhen(isRetriable),
      { maxAttempts: options.retries, backoff: new ExponentialBackoff({ initialDelay: options.initialDelayMs, maxDelay: options.maxDelayMs ?? 5000 }) },
    );
    const breaker = circuitBreaker(handleWhen(isRetriable), { halfOpenAfter: options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.breakerThreshold) });
    breakerState.set({ provider: inner.name }, CircuitState.Closed);
    breaker.onStateChange((state) => {
      breakerState.set({ provider: inner.name }, state);
      this.logger.warn({ msg: 'weather provider circuit breaker changed state', provider: inner.name, state: CircuitState[state] });
    });
    this.policy = wrap(retryPolicy, breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));
  }

  get name(): string {
    return this.inner.name;
  }

  get baseUrl(): string {
    return this.inner.baseUrl;
  }

  forecast(query: ForecastQuery): Promise<ProviderForecast> {
    return this.call('forecast', (signal) => this.inner.forecast(query, signal));
  }

  get historyStartsOn(): string | undefined {
    return this.inner.historyStartsOn;
  }

  get history(): WeatherProvider['history'] {
    const history = this.inner.history?.bind(this.inner);
    if (!history) return undefined;
    return (query, date) => this.call('history', (signal) => history(query, date, signal));
  }

  private async call<T>(operation: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const provider = this.inner.name;
    try {
      // A signal of the call's own: without one, cockatiel links every call to a single module-wide
      // signal, and a batch of concurrent lookups reads to Node as an abort-listener leak.
      return await this.policy.execute(async ({ signal }) => {
        requests.inc({ provider, operation });
        const stop = latency.startTimer({ provider, operation });
        try {
          const result = await fn(signal);
          stop({ outcome: 'ok' });
          return result;
        } catch (error) {
          stop({ outcome: 'error' });
          errors.inc({ provider, code: normalizeError(error).code });
          throw error;
        }
      }, new AbortController().signal);
    } catch (error) {
      throw toProviderError(error);
    }
  }
}

function toProviderError(error: unknown): WeatherProviderError {
  if (error instanceof WeatherProviderError) return error;
  if (error instanceof BrokenCircuitError) {
    return new WeatherProviderError('WEATHER.CIRCUIT_OPEN', 'circuit open after repeated provider failures', { retriable: true, cause: error });
  }
  if (error instanceof TaskCancelledError) {
    return new WeatherProviderError('WEATHER.UPSTREAM_TIMEOUT', 'provider did not answer in time', { retriable: true, cause: error });
  }
  const normalized = normalizeError(error);
  return new WeatherProviderError('WEATHER.UPSTREAM_UNREACHABLE', normalized.message, { retriable: normalized.retriable, cause: error });
}
