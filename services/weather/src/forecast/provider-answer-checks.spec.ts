import { ProviderForecast } from '../provider/weather-provider.port';
import { checkForecastAnswer } from './provider-answer-checks';

const forecast = (timezone: string, utcOffsetSeconds: number, firstDay: string, currentLocalTime?: string): ProviderForecast => {
  const first = Date.parse(`${firstDay}T00:00:00Z`);
  return {
    provider: 'open-meteo', timezone, utcOffsetSeconds, temperatureUnit: 'celsius', fetchedAt: '2026-12-07T23:24:28Z',
    ...(currentLocalTime ? { current: { localTime: currentLocalTime, temperature: 12, weatherCode: 3, isDay: false } } : {}),
    daily: Array.from({ length: 7 }, (_, i) => ({ date: new Date(first + i * 86_400_000).toISOString().slice(0, 10), weatherCode: 3, temperatureMax: 15, temperatureMin: 8 })),
  } as ProviderForecast;
};

describe('checkForecastAnswer', () => {
  const now = new Date('2026-12-07T23:24:28Z');

  it('takes an answer whose days start at the provider\'s own today, where our zone database puts the place a day behind', () => {
    // Our database reads the zone as UTC (today 12-07); the provider counts at +01:00, where it is already 12-08.
    expect(() => checkForecastAnswer(forecast('Etc/UTC', 3600, '2026-12-08', '2026-12-08T00:15'), now)).not.toThrow();
    expect(() => checkForecastAnswer(forecast('Etc/UTC', 0, '2026-12-07', '2026-12-07T23:15'), now)).not.toThrow();
  });

  it('refuses days that are no one\'s today, and current conditions hours from now', () => {
    expect(() => checkForecastAnswer(forecast('Africa/Casablanca', 3600, '2025-11-24', '2025-11-24T06:00'), now)).toThrow(/not for now/);
    expect(() => checkForecastAnswer(forecast('Etc/UTC', 0, '2026-12-09'), now)).toThrow(/got days 2026-12-09/);
    expect(() => checkForecastAnswer(forecast('Etc/UTC', 0, '2026-12-07', '2026-12-07T12:00'), now)).toThrow(/current conditions of 2026-12-07T12:00/);
  });
});
