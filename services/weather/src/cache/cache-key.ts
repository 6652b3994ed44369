import { localDateIn } from '@newsflow/platform';
/**
 * Cache keys: coordinates rounded to 2 decimals (about 1.1 km, finer than any forecast grid) so
 * nearby articles share an entry, and the location's local date so a new day starts a new entry.
 * The provider is part of the key because two providers' answers differ.
 */
export function roundCoordinate(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(2);
}

/** Today's calendar date in `timezone`, or in UTC when the zone is unknown or invalid. */
export function localDate(now: Date, timezone?: string): string {
  // An unknown zone name must not cost the article its weather; UTC is at most a day off.
  return (timezone && localDateIn(now, timezone)) || now.toISOString().slice(0, 10);
}

export function forecastCacheKey(provider: string, lat: number, lon: number, date: string): string {
  return `weather:v1:${provider}:forecast:${roundCoordinate(lat)}:${roundCoordinate(lon)}:${date}`;
}

export function historyCacheKey(provider: string, lat: number, lon: number, date: string): string {
  return `weather:v1:${provider}:history:${roundCoordinate(lat)}:${roundCoordinate(lon)}:${date}`;
}
