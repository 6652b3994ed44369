import { isNightSymbol, symbolToWmo } from './met-norway-symbols';
import { toForecast } from './met-norway.provider';
import { MetNorwayTimestep } from './met-norway.response';

const step = (time: string, temperature: number, symbol?: string): MetNorwayTimestep => ({
  time,
  data: { instant: { details: { air_temperature: temperature } }, ...(symbol ? { next_1_hours: { summary: { symbol_code: symbol } } } : {}) },
});

describe('MET Norway', () => {
  it.each([
    ['clearsky_day', 0],
    ['fair_night', 1],
    ['partlycloudy_polartwilight', 2],
    ['cloudy', 3],
    ['fog', 45],
    ['lightrain', 61],
    ['rain', 63],
    ['heavyrain', 65],
    ['lightrainshowers_day', 80],
    ['heavyrainshowers_night', 82],
    ['lightsnow', 71],
    ['heavysnowshowers_day', 86],
    ['sleet', 69],
    ['lightssleetshowersandthunder_day', 95],
    ['rainandthunder', 95],
    ['somethingnew', -1],
  ])('maps symbol %s to WMO %i', (symbol, code) => {
    expect(symbolToWmo(symbol)).toBe(code);
  });

  it('knows night symbols', () => {
    expect(isNightSymbol('clearsky_night')).toBe(true);
    expect(isNightSymbol('cloudy')).toBe(false);
  });

  it('derives current conditions and local daily min/max from the UTC series', () => {
    // Lagos keeps UTC+1 all year and has for decades. Not Casablanca: tzdata 2026e moved Morocco to
    // UTC+0 from late 2026, so an offset asserted there depends on the runtime's time zone data.
    const series = [
      step('2026-11-30T05:00:00Z', 9, 'lightrain'),
      step('2026-11-30T14:00:00Z', 15, 'cloudy'),
      step('2026-11-30T23:30:00Z', 7, 'clearsky_night'), // 00:30 next day in Lagos (UTC+1)
      step('2026-12-01T12:00:00Z', 16, 'fair_day'),
    ];
    const forecast = toForecast(series, 'Africa/Lagos', 'celsius', new Date('2026-11-30T05:10:00Z'));
    expect(forecast.current).toEqual({ localTime: '2026-11-30T06:00', temperature: 9, weatherCode: 61, isDay: true });
    expect(forecast.utcOffsetSeconds).toBe(3600);
    expect(forecast.daily).toEqual([
      { date: '2026-11-30', temperatureMin: 9, temperatureMax: 15, weatherCode: 61 },
      { date: '2026-12-01', temperatureMin: 7, temperatureMax: 16, weatherCode: 1 },
    ]);
  });
});
