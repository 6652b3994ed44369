import { fetchJson } from './fetch-json';
import { isNightSymbol, symbolToWmo, UNKNOWN_WEATHER_CODE } from './met-norway-symbols';
import { MetNorwayCompactSchema, MetNorwayTimestep } from './met-norway.response';
import { parseProviderAnswer } from './parse-provider-answer';
import { ForecastQuery, ProviderDay, ProviderForecast, WeatherProvider } from './weather-provider.port';

export interface MetNorwayOptions {
  baseUrl: string;
  userAgent: string;
  timeoutMs: number;
}

/**
 * MET Norway Locationforecast 2.0 (compact). It answers in UTC with no time zone, so local days
 * come from the enricher's zone (UTC when unknown), and daily min/max are derived from the hourly
 * series. It keeps no history, so old articles get `not-applicable` with this provider.
 */
export class MetNorwayProvider implements WeatherProvider {
  readonly name = 'met-norway';
  constructor(private readonly options: MetNorwayOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  async forecast(query: ForecastQuery, signal?: AbortSignal): Promise<ProviderForecast> {
    // MET asks for at most 4 decimals; more only defeats their cache.
    const params = new URLSearchParams({ lat: query.lat.toFixed(4), lon: query.lon.toFixed(4) });
    const body = await fetchJson(`${this.options.baseUrl}/weatherapi/locationforecast/2.0/compact?${params}`, {
      timeoutMs: this.options.timeoutMs,
      signal,
      headers: { 'user-agent': this.options.userAgent },
    });
    const answer = parseProviderAnswer(this.name, MetNorwayCompactSchema, body);
    return toForecast(answer.properties.timeseries, validZone(query.timezone), answer.properties.meta.units.air_temperature);
  }
}

/** An unknown zone name must not cost the article its weather: fall back to UTC days. */
function validZone(timezone: string | undefined): string {
  if (!timezone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return timezone;
  } catch {
    return 'UTC';
  }
}

export function toForecast(series: MetNorwayTimestep[], timezone: string, unit: string, now = new Date()): ProviderForecast {
  const steps = series.map((step) => ({ step, local: localParts(new Date(step.time), timezone) }));
  // The first step at or before now is "current"; MET's series starts at the current hour.
  const first = steps.filter((s) => new Date(s.step.time) <= now).pop() ?? steps[0];
  const symbol = symbolOf(first.step);
  return {
    provider: 'met-norway',
    timezone,
    utcOffsetSeconds: first.local.offsetSeconds,
    current: {
      localTime: first.local.isoMinute,
      temperature: first.step.data.instant.details.air_temperature,
      weatherCode: symbol ? symbolToWmo(symbol) : UNKNOWN_WEATHER_CODE,
      isDay: symbol ? !isNightSymbol(symbol) : true,
    },
    daily: dailyFrom(steps),
    temperatureUnit: unit.startsWith('fahrenheit') ? 'fahrenheit' : 'celsius',
    fetchedAt: now.toISOString(),
  };
}

function symbolOf(step: MetNorwayTimestep): string | undefined {
  const d = step.data;
  return (d.next_1_hours ?? d.next_6_hours ?? d.next_12_hours)?.summary.symbol_code;
}

/** One day per local date: min/max over its instants; the code is the day's most severe, as Open-Meteo does. */
function dailyFrom(steps: Array<{ step: MetNorwayTimestep; local: LocalParts }>): ProviderDay[] {
  const days = new Map<string, ProviderDay>();
  for (const { step, local } of steps) {
    const temperature = step.data.instant.details.air_temperature;
    const symbol = symbolOf(step);
    const code = symbol ? symbolToWmo(symbol) : UNKNOWN_WEATHER_CODE;
    const day = days.get(local.date);
    if (!day) {
      days.set(local.date, { date: local.date, temperatureMin: temperature, temperatureMax: temperature, weatherCode: code });
      continue;
    }
    day.temperatureMin = Math.min(day.temperatureMin, temperature);
    day.temperatureMax = Math.max(day.temperatureMax, temperature);
    day.weatherCode = Math.max(day.weatherCode, code);
  }
  return [...days.values()];
}

interface LocalParts {
  date: string;
  isoMinute: string;
  offsetSeconds: number;
}

function localParts(instant: Date, timezone: string): LocalParts {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const p = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const isoMinute = `${date}T${p.hour}:${p.minute}`;
  const offsetSeconds = Math.round((Date.parse(`${isoMinute}:00Z`) - Math.floor(instant.getTime() / 60_000) * 60_000) / 1000);
  return { date, isoMinute, offsetSeconds };
}
