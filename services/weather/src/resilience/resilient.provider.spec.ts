import { getEventListeners } from 'node:events';
import { WeatherProviderError } from '../provider/weather-provider.errors';
import { ForecastQuery, ProviderForecast, WeatherProvider } from '../provider/weather-provider.port';
import { ResilientProvider } from './resilient.provider';

const answer = { provider: 'scripted' } as ProviderForecast;
const query: ForecastQuery = { lat: 1, lon: 2 };

/** Plays back a script of outcomes, one per call: an error to throw, 'hang', or 'ok'. */
class ScriptedProvider implements WeatherProvider {
  readonly name = 'scripted';
  readonly baseUrl = 'http://scripted';
  calls = 0;
  constructor(private readonly script: Array<Error | 'hang' | 'ok'>) {}
  async forecast(_query: ForecastQuery, signal?: AbortSignal): Promise<ProviderForecast> {
    const step = this.script[Math.min(this.calls++, this.script.length - 1)];
    if (step === 'ok') return answer;
    if (step === 'hang') return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    throw step;
  }
}

const http500 = () => new WeatherProviderError('WEATHER.UPSTREAM_HTTP', 'HTTP 500', { retriable: true });
const invalid = () => new WeatherProviderError('WEATHER.UPSTREAM_INVALID', 'bad shape', { retriable: false });
const options = { timeoutMs: 50, retries: 2, initialDelayMs: 1, maxDelayMs: 5, breakerThreshold: 100, halfOpenAfterMs: 60_000 };

async function failure(promise: Promise<unknown>): Promise<WeatherProviderError> {
  return promise.then(() => { throw new Error('expected a failure'); }, (error: WeatherProviderError) => error);
}

describe('ResilientProvider', () => {
  it('retries retriable failures and returns the eventual answer', async () => {
    const inner = new ScriptedProvider([http500(), http500(), 'ok']);
    await expect(new ResilientProvider(inner, options).forecast(query)).resolves.toBe(answer);
    expect(inner.calls).toBe(3);
  });

  it('gives up after the configured retries with the last error', async () => {
    const inner = new ScriptedProvider([http500()]);
    const error = await failure(new ResilientProvider(inner, options).forecast(query));
    expect(error.code).toBe('WEATHER.UPSTREAM_HTTP');
    expect(inner.calls).toBe(3);
  });

  it('does not retry a permanent failure', async () => {
    const inner = new ScriptedProvider([invalid()]);
    expect((await failure(new ResilientProvider(inner, options).forecast(query))).code).toBe('WEATHER.UPSTREAM_INVALID');
    expect(inner.calls).toBe(1);
  });

  it('times out a hanging provider', async () => {
    const inner = new ScriptedProvider(['hang']);
    expect((await failure(new ResilientProvider(inner, { ...options, retries: 0 }).forecast(query))).code).toBe('WEATHER.UPSTREAM_TIMEOUT');
  });

  it('opens the breaker after consecutive failures and then fails fast without calling out', async () => {
    const inner = new ScriptedProvider([http500()]);
    const provider = new ResilientProvider(inner, { ...options, retries: 0, breakerThreshold: 3 });
    for (let i = 0; i < 3; i++) await failure(provider.forecast(query));
    const error = await failure(provider.forecast(query));
    expect(error.code).toBe('WEATHER.CIRCUIT_OPEN');
    expect(inner.calls).toBe(3);
  });

  it('does not let refusals of our request (4xx) open the breaker: they say nothing of the provider\'s health', async () => {
    const refused = () => new WeatherProviderError('WEATHER.UPSTREAM_HTTP', 'HTTP 400: out of allowed range', { retriable: false });
    const inner = new ScriptedProvider([refused(), refused(), refused(), refused(), refused(), 'ok']);
    const provider = new ResilientProvider(inner, { ...options, retries: 0, breakerThreshold: 3 });
    for (let i = 0; i < 5; i++) expect((await failure(provider.forecast(query))).code).toBe('WEATHER.UPSTREAM_HTTP');
    await expect(provider.forecast(query)).resolves.toBe(answer);
    expect(inner.calls).toBe(6);
  });

  it('holds many lookups in flight at once without piling listeners onto one shared signal', async () => {
    // A cold cache at start-up sends a whole batch of lookups to the provider together. Given no
    // signal, cockatiel links every call to one module-wide signal, and Node warns of a leak at 11.
    const shared = (require('cockatiel/dist/common/abort') as { neverAbortedSignal: AbortSignal }).neverAbortedSignal;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const inner = new ScriptedProvider(['ok']);
    inner.forecast = async () => { inner.calls++; await gate; return answer; };
    const provider = new ResilientProvider(inner, { ...options, timeoutMs: 5_000 });
    const lookups = Array.from({ length: 25 }, () => provider.forecast(query));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(inner.calls).toBe(25);
    expect(getEventListeners(shared, 'abort')).toHaveLength(0);
    release();
    await expect(Promise.all(lookups)).resolves.toHaveLength(25);
  });
});
