import { Location, WeatherSchema } from '@newsflow/contracts';
import { ProviderForecast } from '../provider/weather-provider.port';
import { buildForecastSection, buildHistorySection, weekdayOf } from './weather-section';

const marrakech: Location = { name: 'Marrakech', lat: 31.6295, lon: -8.0083, confidence: 0.9, reason: 'dateline' };
const maxima = [14.2, 12.97, 12.92, 13.08, 13.18, 10.94, 15.6, 16.1];
const forecast: ProviderForecast = {
  provider: 'open-meteo',
  timezone: 'Africa/Casablanca',
  utcOffsetSeconds: 3600,
  current: { localTime: '2025-11-24T06:00', temperature: 13.01, weatherCode: 61, isDay: false },
  daily: maxima.map((max, i) => ({ date: `2025-11-${24 + i}`, temperatureMax: max, temperatureMin: max - 6, weatherCode: i === 0 ? 61 : 3 })),
  temperatureUnit: 'celsius',
  fetchedAt: '2025-11-24T05:00:00.000Z',
};

describe('weather section', () => {
  it('names weekdays from local dates', () => {
    expect(['2025-11-24', '2025-11-25', '2025-11-29', '2025-11-30'].map(weekdayOf)).toEqual(['Mon', 'Tue', 'Sat', 'Sun']);
  });

  it('reproduces the seed page strip: now, then the next six days', () => {
    const weather = WeatherSchema.parse(buildForecastSection(marrakech, forecast));
    expect(weather).toMatchObject({ status: 'attached', kind: 'forecast' });
    expect(weather.location).toEqual({ name: 'Marrakech', lat: 31.6295, lon: -8.0083, timezone: 'Africa/Casablanca' });
    expect(weather.current).toEqual({ localTime: '2025-11-24T06:00', temperature: 13.01, weatherCode: 61, condition: 'light rain', icon: '10n' });
    expect(weather.daily).toHaveLength(6);
    expect((weather.daily ?? []).map((d) => `${d.weekday} ${d.temperatureMax} ${d.condition}`)).toEqual([
      'Tue 12.97 mostly cloudy',
      'Wed 12.92 mostly cloudy',
      'Thu 13.08 mostly cloudy',
      'Fri 13.18 mostly cloudy',
      'Sat 10.94 mostly cloudy',
      'Sun 15.6 mostly cloudy',
    ]);
    expect(weather.units).toEqual({ temperature: 'celsius' });
    expect(weather).toMatchObject({ provider: 'open-meteo', fetchedAt: forecast.fetchedAt });
  });

  it('gives fewer days when the provider has fewer, never padding', () => {
    const short = { ...forecast, daily: forecast.daily.slice(0, 3) };
    expect(buildForecastSection(marrakech, short).daily).toHaveLength(2);
  });

  it('builds the observed day for old articles', () => {
    const weather = WeatherSchema.parse(
      buildHistorySection(marrakech, { provider: 'open-meteo', timezone: 'Africa/Casablanca', day: forecast.daily[0], temperatureUnit: 'celsius', fetchedAt: forecast.fetchedAt }),
    );
    expect(weather.current).toBeUndefined();
    expect(weather.kind).toBe('observed');
    expect(weather.daily).toEqual([{ date: '2025-11-24', weekday: 'Mon', temperatureMin: 8.2, temperatureMax: 14.2, weatherCode: 61, condition: 'light rain', icon: '10d' }]);
    expect(weather.reason).toContain('2025-11-24');
  });
});
