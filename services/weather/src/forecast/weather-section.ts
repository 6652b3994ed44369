import { DailyForecast, Location, Weather } from '@newsflow/contracts';
import { ProviderDay, ProviderForecast, ProviderHistory } from '../provider/weather-provider.port';
import { attributionOf } from './attribution';
import { describeWeatherCode } from './wmo-codes';

export const FORECAST_DAYS = 6;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Weekday of a calendar date; the date is already local to the place, so no zone maths. */
export function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

function day(d: ProviderDay): DailyForecast {
  return { date: d.date, weekday: weekdayOf(d.date), temperatureMin: d.temperatureMin, temperatureMax: d.temperatureMax, weatherCode: d.weatherCode, ...describeWeatherCode(d.weatherCode) };
}

function locationOf(place: Location, timezone: string): NonNullable<Weather['location']> {
  return { name: place.name, lat: place.lat, lon: place.lon, timezone };
}

/** The place's calendar date when the answer was fetched, from the offset the provider reported. */
function localToday(forecast: Pick<ProviderForecast, 'fetchedAt' | 'utcOffsetSeconds'>): string {
  return new Date(Date.parse(forecast.fetchedAt) + forecast.utcOffsetSeconds * 1000).toISOString().slice(0, 10);
}

/** The strip a news page shows: now, then the next six days (today is covered by "now"). */
export function buildForecastSection(place: Location, forecast: ProviderForecast): Weather {
  const c = forecast.current;
  const today = c ? c.localTime.slice(0, 10) : localToday(forecast);
  return {
    status: 'attached',
    kind: 'forecast',
    ...(c ? {} : { reason: `${forecast.provider} gave no current conditions; the next days only` }),
    location: locationOf(place, forecast.timezone),
    ...(c ? { current: { localTime: c.localTime, temperature: c.temperature, weatherCode: c.weatherCode, ...describeWeatherCode(c.weatherCode, c.isDay) } } : {}),
    daily: forecast.daily.filter((d) => d.date > today).slice(0, FORECAST_DAYS).map(day),
    units: { temperature: forecast.temperatureUnit },
    provider: forecast.provider,
    ...attributionOf(forecast.provider),
    fetchedAt: forecast.fetchedAt,
  };
}

/** The provider failed but the cache still holds the daily forecast: the days, without "now". */
export function buildDailyOnlySection(place: Location, daily: Omit<ProviderForecast, 'current'>, today: string, reason: string): Weather {
  return {
    status: 'attached',
    kind: 'forecast',
    reason,
    location: locationOf(place, daily.timezone),
    daily: daily.daily.filter((d) => d.date > today).slice(0, FORECAST_DAYS).map(day),
    units: { temperature: daily.temperatureUnit },
    provider: daily.provider,
    ...attributionOf(daily.provider),
    fetchedAt: daily.fetchedAt,
  };
}

/** An old article gets what was observed on its publication day, not today's forecast. */
export function buildHistorySection(place: Location, history: ProviderHistory): Weather {
  return {
    status: 'attached',
    kind: 'observed',
    reason: `observed weather on ${history.day.date}, the publication date`,
    location: locationOf(place, history.timezone),
    daily: [day(history.day)],
    units: { temperature: history.temperatureUnit },
    provider: history.provider,
    ...attributionOf(history.provider),
    fetchedAt: history.fetchedAt,
  };
}

/**
 * An embargoed article processed before its release: the forecast from its release day on, without
 * "now" (now is not when readers see it). The weather stage refreshes it at the release.
 */
export function buildReleaseDaySection(place: Location, forecast: Omit<ProviderForecast, 'current'>, releaseDay: string, releaseAt: string): Weather {
  return {
    status: 'attached',
    kind: 'forecast',
    reason: `forecast for the release day ${releaseDay} (embargoed until ${releaseAt}), as of fetchedAt; refreshed at release`,
    location: locationOf(place, forecast.timezone),
    daily: forecast.daily.filter((d) => d.date >= releaseDay).slice(0, FORECAST_DAYS).map(day),
    units: { temperature: forecast.temperatureUnit },
    provider: forecast.provider,
    ...attributionOf(forecast.provider),
    fetchedAt: forecast.fetchedAt,
  };
}
