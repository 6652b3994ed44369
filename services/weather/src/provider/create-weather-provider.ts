import { WeatherConfig } from '../config/weather.config';
import { ResilientProvider } from '../resilience/resilient.provider';
import { MetNorwayProvider } from './met-norway.provider';
import { OpenMeteoProvider } from './open-meteo.provider';
import { WeatherProvider } from './weather-provider.port';

/** The configured provider behind the resilience policies; the only place that knows the adapters. */
export function createWeatherProvider(config: WeatherConfig): WeatherProvider {
  const timeoutMs = config.WEATHER_TIMEOUT_MS;
  const adapter: WeatherProvider =
    config.WEATHER_PROVIDER === 'met-norway'
      ? new MetNorwayProvider({ baseUrl: config.MET_NORWAY_BASE_URL, userAgent: config.MET_NORWAY_USER_AGENT, timeoutMs })
      : new OpenMeteoProvider({ baseUrl: config.OPEN_METEO_BASE_URL, archiveBaseUrl: config.OPEN_METEO_ARCHIVE_BASE_URL, timeoutMs });
  return new ResilientProvider(adapter, {
    timeoutMs,
    retries: config.WEATHER_RETRIES,
    initialDelayMs: config.WEATHER_RETRY_INITIAL_DELAY_MS,
    breakerThreshold: config.WEATHER_BREAKER_THRESHOLD,
    halfOpenAfterMs: config.WEATHER_BREAKER_HALF_OPEN_MS,
  });
}
