'use strict';
// MET Norway Locationforecast 2.0 `compact` answers (GeoJSON, UTC instants, symbol codes), generated
// from the same deterministic days as the Open-Meteo answers.
const { days, round2 } = require('./generate');

const SYMBOL = { 0: 'clearsky_day', 1: 'fair_day', 2: 'partlycloudy_day', 3: 'cloudy', 45: 'fog', 51: 'lightrain', 61: 'lightrain', 63: 'rain', 80: 'rainshowers_day' };

function compact(lat, lon, now) {
  const start = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const perDay = new Map(days(lat, lon, start.toISOString().slice(0, 10), 10).map((d) => [d.date, d]));
  const timeseries = [];
  // Hourly for about 2.5 days, then six-hourly to nine days, as the real service thins out.
  for (let h = 0; h < 216; h += h < 60 ? 1 : 6) {
    const t = new Date(start.getTime() + h * 3_600_000);
    const d = perDay.get(t.toISOString().slice(0, 10));
    const hour = t.getUTCHours();
    // Coldest at 05:00 UTC, warmest at 15:00 UTC.
    const warmth = (1 - Math.cos(((hour - 5 + 24) % 24) / 20 * Math.PI)) / 2;
    const temperature = round2(d.temperature_2m_min + (d.temperature_2m_max - d.temperature_2m_min) * Math.min(1, warmth));
    const symbol = SYMBOL[d.weather_code] ?? 'cloudy';
    const step = { time: t.toISOString().replace('.000Z', 'Z'), data: { instant: { details: { air_temperature: temperature, air_pressure_at_sea_level: 1015.2, cloud_area_fraction: 60, relative_humidity: 70, wind_from_direction: 200, wind_speed: 3.1 } } } };
    if (h < 60) step.data.next_1_hours = { summary: { symbol_code: symbol }, details: { precipitation_amount: 0 } };
    step.data.next_6_hours = { summary: { symbol_code: symbol }, details: { precipitation_amount: 0 } };
    step.data.next_12_hours = { summary: { symbol_code: symbol }, details: {} };
    timeseries.push(step);
  }
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat, 466] },
    properties: {
      meta: { updated_at: now.toISOString().replace(/\.\d+Z$/, 'Z'), units: { air_pressure_at_sea_level: 'hPa', air_temperature: 'celsius', cloud_area_fraction: '%', precipitation_amount: 'mm', relative_humidity: '%', wind_from_direction: 'degrees', wind_speed: 'm/s' } },
      timeseries,
    },
  };
}

module.exports = { compact };
