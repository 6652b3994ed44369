import { describeWeatherCode, KNOWN_WMO_CODES } from './wmo-codes';

describe('describeWeatherCode', () => {
  it.each([
    [0, 'clear sky', '01d'],
    [2, 'partly cloudy', '03d'],
    [3, 'mostly cloudy', '04d'],
    [45, 'fog', '50d'],
    [61, 'light rain', '10d'],
    [65, 'heavy rain', '10d'],
    [73, 'snow', '13d'],
    [80, 'light showers', '09d'],
    [95, 'thunderstorm', '11d'],
  ])('maps %i to "%s" (%s)', (code, condition, icon) => {
    expect(describeWeatherCode(code)).toEqual({ condition, icon });
  });

  it('uses the night icon variant at night', () => {
    expect(describeWeatherCode(61, false)).toEqual({ condition: 'light rain', icon: '10n' });
  });

  it('covers every code Open-Meteo documents', () => {
    const documented = [0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96, 99];
    expect(KNOWN_WMO_CODES).toEqual(expect.arrayContaining(documented));
    for (const code of documented) expect(describeWeatherCode(code).icon).not.toBe('na');
  });

  it('degrades an unknown code to a neutral text', () => {
    expect(describeWeatherCode(42)).toEqual({ condition: 'unknown conditions', icon: 'na' });
  });
});
