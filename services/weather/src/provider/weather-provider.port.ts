/** What the weather stage needs from any provider, in the provider-neutral shape it caches. */
export interface ForecastQuery {
  lat: number;
  lon: number;
  /** IANA zone when the enricher knows it; providers that cannot resolve zones themselves need it. */
  timezone?: string;
}

export interface ProviderDay {
  date: string; // YYYY-MM-DD, local to the location
  temperatureMin: number;
  temperatureMax: number;
  weatherCode: number; // WMO 4677 code, the lingua franca the condition table speaks
}

export interface ProviderForecast {
  provider: string;
  timezone: string;
  utcOffsetSeconds: number;
  /** Absent when the provider gave none (a model's null values): the days are still a forecast. */
  current?: { localTime: string; temperature: number; weatherCode: number; isDay: boolean };
  /** Starts with the location's today. */
  daily: ProviderDay[];
  temperatureUnit: 'celsius' | 'fahrenheit';
  fetchedAt: string;
}

export interface ProviderHistory {
  provider: string;
  timezone: string;
  day: ProviderDay;
  /** False while the provider may still revise the day (recent model values, not yet reanalysis). */
  settled: boolean;
  temperatureUnit: 'celsius' | 'fahrenheit';
  fetchedAt: string;
}

export interface WeatherProvider {
  readonly name: string;
  readonly baseUrl: string;
  /**
   * The first local date `history` can answer (YYYY-MM-DD); earlier days are not asked for, since
   * the provider would refuse them every time.
   */
  readonly historyStartsOn?: string;
  forecast(query: ForecastQuery, signal?: AbortSignal): Promise<ProviderForecast>;
  /** Observed weather of one past local date; absent when the provider keeps no history. */
  history?(query: ForecastQuery, date: string, signal?: AbortSignal): Promise<ProviderHistory>;
}

export const WEATHER_PROVIDER = Symbol('WEATHER_PROVIDER');
