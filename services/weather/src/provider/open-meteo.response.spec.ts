import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonText } from './fetch-json';
import { completeDays } from './open-meteo.provider';
import { OpenMeteoDailyAnswerSchema, OpenMeteoForecastSchema } from './open-meteo.response';
import { parseProviderAnswer } from './parse-provider-answer';
import { WeatherProviderError } from './weather-provider.errors';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../../tools/fake-open-meteo/fixtures', name), 'utf8');

function thrown(fn: () => unknown): WeatherProviderError {
  try {
    fn();
  } catch (error) {
    return error as WeatherProviderError;
  }
  throw new Error('expected an error');
}

describe('Open-Meteo answers', () => {
  it('parses a documented forecast answer', () => {
    const answer = parseProviderAnswer('open-meteo', OpenMeteoForecastSchema, parseJsonText(fixture('marrakech.forecast.json')));
    expect(answer.timezone).toBe('Africa/Casablanca');
    expect(answer.current).toMatchObject({ time: '2025-11-24T06:00', temperature_2m: 13.01, weather_code: 61, is_day: 0 });
    expect(completeDays(answer.daily)[1]).toEqual({ date: '2025-11-25', weatherCode: 3, temperatureMax: 12.97, temperatureMin: 7.4 });
  });

  it('parses a documented archive answer', () => {
    const answer = parseProviderAnswer('open-meteo', OpenMeteoDailyAnswerSchema, parseJsonText(fixture('marrakech.archive.json')));
    expect(answer.daily.time[0]).toBe('2025-11-24');
  });

  it('rejects an answer missing fields with a clear, non-retriable error naming them', () => {
    const body = JSON.parse(fixture('marrakech.forecast.json'));
    delete body.current;
    delete body.daily.temperature_2m_max;
    const error = thrown(() => parseProviderAnswer('open-meteo', OpenMeteoForecastSchema, body));
    expect(error).toBeInstanceOf(WeatherProviderError);
    expect(error.code).toBe('WEATHER.UPSTREAM_INVALID');
    expect(error.retriable).toBe(false);
    expect(error.message).toContain('daily.temperature_2m_max');
  });

  it('keeps the days of an answer whose current conditions are missing or null', () => {
    const body = JSON.parse(fixture('marrakech.forecast.json'));
    body.current.weather_code = null;
    expect(parseProviderAnswer('open-meteo', OpenMeteoForecastSchema, body).daily.time).toHaveLength(7);
    delete body.current;
    delete body.current_units;
    expect(parseProviderAnswer('open-meteo', OpenMeteoForecastSchema, body).current).toBeUndefined();
  });

  it('rejects an error object or a non-object', () => {
    expect(thrown(() => parseProviderAnswer('open-meteo', OpenMeteoForecastSchema, { error: true, reason: 'x' })).code).toBe('WEATHER.UPSTREAM_INVALID');
    expect(thrown(() => parseProviderAnswer('open-meteo', OpenMeteoForecastSchema, 'html')).code).toBe('WEATHER.UPSTREAM_INVALID');
  });

  it('turns malformed JSON into a retriable error instead of a crash', () => {
    const error = thrown(() => parseJsonText('{"latitude": 31.6, "current": {'));
    expect(error.code).toBe('WEATHER.UPSTREAM_MALFORMED');
    expect(error.retriable).toBe(true);
  });

  it('drops days the model left null rather than inventing values', () => {
    const days = completeDays({ time: ['2025-11-24', '2025-11-25'], weather_code: [61, null], temperature_2m_max: [14, 13], temperature_2m_min: [8, 7] });
    expect(days.map((d) => d.date)).toEqual(['2025-11-24']);
  });
});
