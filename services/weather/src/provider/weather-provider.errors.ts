import { AppError } from '@newsflow/platform';

export type WeatherErrorCode =
  | 'WEATHER.UPSTREAM_HTTP'
  | 'WEATHER.UPSTREAM_TIMEOUT'
  | 'WEATHER.UPSTREAM_UNREACHABLE'
  | 'WEATHER.UPSTREAM_MALFORMED'
  | 'WEATHER.UPSTREAM_INVALID'
  | 'WEATHER.UPSTREAM_STALE'
  | 'WEATHER.CIRCUIT_OPEN'
  | 'WEATHER.UNSUPPORTED';

/**
 * Every provider failure ends as one of these. `retriable` decides whether the resilience policy
 * tries again: a 5xx or a timeout may pass, a 4xx or a wrongly shaped answer will not.
 */
export class WeatherProviderError extends AppError {
  constructor(code: WeatherErrorCode, message: string, options: { retriable: boolean; cause?: unknown; details?: unknown }) {
    super(code, message, options);
    this.name = 'WeatherProviderError';
  }
}
