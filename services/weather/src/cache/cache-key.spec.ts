import { forecastCacheKey, historyCacheKey, localDate, roundCoordinate } from './cache-key';

describe('cache keys', () => {
  it('rounds coordinates to two decimals', () => {
    expect(roundCoordinate(31.6295)).toBe('31.63');
    expect(roundCoordinate(-8.0083)).toBe('-8.01');
    expect(roundCoordinate(12)).toBe('12.00');
    expect(roundCoordinate(-0.001)).toBe('0.00');
  });

  it('gives nearby points the same key and distant ones different keys', () => {
    const a = forecastCacheKey('open-meteo', 31.6295, -8.0083, '2026-11-30');
    expect(forecastCacheKey('open-meteo', 31.631, -8.012, '2026-11-30')).toBe(a);
    expect(a).toBe('weather:v1:open-meteo:forecast:31.63:-8.01:2026-11-30');
    expect(forecastCacheKey('open-meteo', 31.64, -8.01, '2026-11-30')).not.toBe(a);
    expect(forecastCacheKey('met-norway', 31.63, -8.01, '2026-11-30')).not.toBe(a);
    expect(forecastCacheKey('open-meteo', 31.63, -8.01, '2026-12-01')).not.toBe(a);
    expect(historyCacheKey('open-meteo', 31.63, -8.01, '2026-11-30')).not.toBe(a);
  });

  it('uses the local date of the place', () => {
    const instant = new Date('2026-11-30T23:30:00Z');
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2026-12-01');
    expect(localDate(instant, 'America/New_York')).toBe('2026-11-30');
    expect(localDate(instant)).toBe('2026-11-30');
    expect(localDate(instant, 'Not/AZone')).toBe('2026-11-30');
  });
});
