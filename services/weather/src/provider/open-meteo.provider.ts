import { fetchJson } from './fetch-json';
import { OpenMeteoDaily, OpenMeteoDailyAnswerSchema, OpenMeteoForecastSchema } from './open-meteo.response';
import { parseProviderAnswer } from './parse-provider-answer';
import { WeatherProviderError } from './weather-provider.errors';
import { ForecastQuery, ProviderDay, ProviderForecast, ProviderHistory, WeatherProvider } from './weather-provider.port';

export interface OpenMeteoOptions {
  baseUrl: string;
  archiveBaseUrl: string;
  timeoutMs: number;
  now?: () => Date;
}

const DAILY = 'weather_code,temperature_2m_max,temperature_2m_min';
const DAY_MS = 86_400_000;
/**
 * The archive (reanalysis) trails real time by about five days, and the forecast API keeps the
 * last 92 days of its models' values: days newer than this come from the forecast API.
 */
export const RECENT_PAST_DAYS = 7;
/** The archive's reanalysis (ERA5) starts here; it answers an earlier `start_date` with HTTP 400. */
export const OPEN_METEO_HISTORY_STARTS_ON = '1940-01-01';

/** Open-Meteo's forecast and historical-weather APIs: no key, WMO codes, local times with `timezone=auto`. */
export class OpenMeteoProvider implements WeatherProvider {
  readonly name = 'open-meteo';
  readonly historyStartsOn = OPEN_METEO_HISTORY_STARTS_ON;
  constructor(private readonly options: OpenMeteoOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  async forecast(query: ForecastQuery, signal?: AbortSignal): Promise<ProviderForecast> {
    const params = new URLSearchParams({
      latitude: String(query.lat),
      longitude: String(query.lon),
      current: 'temperature_2m,weather_code,is_day',
      daily: DAILY,
      timezone: 'auto',
      forecast_days: '7',
    });
    const body = await fetchJson(`${this.options.baseUrl}/v1/forecast?${params}`, { timeoutMs: this.options.timeoutMs, signal });
    const answer = parseProviderAnswer(this.name, OpenMeteoForecastSchema, body);
    const now = answer.current;
    return {
      provider: this.name,
      timezone: answer.timezone,
      utcOffsetSeconds: answer.utc_offset_seconds,
      ...(now && now.temperature_2m != null && now.weather_code != null
        ? { current: { localTime: now.time, temperature: now.temperature_2m, weatherCode: now.weather_code, isDay: now.is_day !== 0 } }
        : {}),
      daily: completeDays(answer.daily),
      temperatureUnit: unitOf(answer.current_units?.temperature_2m ?? answer.daily_units.temperature_2m_max),
      fetchedAt: new Date().toISOString(),
    };
  }

  /** A past day: from the archive once it has it, before that from the forecast API's recent past. */
  async history(query: ForecastQuery, date: string, signal?: AbortSignal): Promise<ProviderHistory> {
    const now = this.options.now?.() ?? new Date();
    const settled = now.getTime() - Date.parse(`${date}T00:00:00Z`) > RECENT_PAST_DAYS * DAY_MS;
    const params = new URLSearchParams({
      latitude: String(query.lat),
      longitude: String(query.lon),
      start_date: date,
      end_date: date,
      daily: DAILY,
      timezone: 'auto',
    });
    const [source, url] = settled
      ? ['archive', `${this.options.archiveBaseUrl}/v1/archive?${params}`]
      : ['forecast API', `${this.options.baseUrl}/v1/forecast?${params}`];
    const body = await fetchJson(url, { timeoutMs: this.options.timeoutMs, signal });
    const answer = parseProviderAnswer(this.name, OpenMeteoDailyAnswerSchema, body);
    const day = completeDays(answer.daily).find((d) => d.date === date);
    if (!day) {
      const got = answer.daily.time.length ? `${answer.daily.time[0]}…${answer.daily.time[answer.daily.time.length - 1]}` : 'no days';
      throw new WeatherProviderError('WEATHER.UPSTREAM_INVALID', `${this.name} ${source} has no complete values for ${date} (answered ${got})`, { retriable: false });
    }
    return {
      provider: this.name,
      timezone: answer.timezone,
      day,
      settled,
      temperatureUnit: unitOf(answer.daily_units.temperature_2m_max),
      fetchedAt: new Date().toISOString(),
    };
  }
}

function unitOf(symbol: string): 'celsius' | 'fahrenheit' {
  return symbol.includes('F') ? 'fahrenheit' : 'celsius';
}

/** Zips the parallel daily arrays, dropping days the model left null rather than inventing values. */
export function completeDays(daily: OpenMeteoDaily): ProviderDay[] {
  const days: ProviderDay[] = [];
  daily.time.forEach((date, i) => {
    const code = daily.weather_code[i];
    const max = daily.temperature_2m_max[i];
    const min = daily.temperature_2m_min[i];
    if (code == null || max == null || min == null) return;
    days.push({ date, weatherCode: code, temperatureMax: max, temperatureMin: min });
  });
  return days;
}
