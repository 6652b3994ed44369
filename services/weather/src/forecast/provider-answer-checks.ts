import { localDate } from '../cache/cache-key';
import { WeatherProviderError } from '../provider/weather-provider.errors';
import { ProviderForecast, ProviderHistory } from '../provider/weather-provider.port';

/**
 * How far `current` may be from now. Open-Meteo's current block is the running 15-minute interval
 * and MET Norway's the running hour; hours more than that is a stale answer (a cache, a CDN, a
 * replayed fixture), not this moment's sky.
 */
export const CURRENT_TOLERANCE_MS = 3 * 3600_000;

function span(dates: string[]): string {
  return dates.length ? `${dates[0]}…${dates[dates.length - 1]}` : 'no days';
}

/**
 * A provider's forecast must be for now: its days must include the place's today, and its current
 * conditions, when given, must be near now. Nothing in the answer's shape says so, and a stale one
 * would be stored as this article's forecast. Retriable: a later try may reach a fresh answer.
 */
export function checkForecastAnswer(forecast: ProviderForecast, now: Date, timezone?: string): void {
  const today = localDate(now, forecast.timezone || timezone);
  // The provider counts its days at the offset it states, from its own time-zone database; ours may
  // disagree about a zone (tzdata 2026e and 2025c differ on Casablanca's offset in December 2026),
  // and then near midnight its today is our tomorrow or yesterday. Either today is the answer's.
  const providersToday = new Date(now.getTime() + forecast.utcOffsetSeconds * 1000).toISOString().slice(0, 10);
  const dates = forecast.daily.map((d) => d.date);
  const current = forecast.current;
  const currentAt = current ? Date.parse(`${current.localTime}:00Z`) - forecast.utcOffsetSeconds * 1000 : undefined;
  const staleCurrent = currentAt !== undefined && !(Math.abs(currentAt - now.getTime()) <= CURRENT_TOLERANCE_MS);
  if ((dates.includes(today) || dates.includes(providersToday)) && !staleCurrent) return;
  const asked = { today, timezone: forecast.timezone || timezone, at: now.toISOString() };
  const got = { days: span(dates), ...(current ? { currentLocalTime: current.localTime } : {}) };
  throw new WeatherProviderError(
    'WEATHER.UPSTREAM_STALE',
    `${forecast.provider} answered a forecast that is not for now: asked for ${today} (${asked.timezone}) at ${asked.at}, got days ${got.days}${current ? ` and current conditions of ${current.localTime} local` : ''}`,
    { retriable: true, details: { asked, got } },
  );
}

/** An observed day must be the day asked for. */
export function checkHistoryAnswer(history: ProviderHistory, date: string): void {
  if (history.day.date === date) return;
  throw new WeatherProviderError('WEATHER.UPSTREAM_STALE', `${history.provider} answered ${history.day.date} when asked for the observed weather of ${date}`, {
    retriable: true,
    details: { asked: { date }, got: { date: history.day.date } },
  });
}
