import { Logger } from '@nestjs/common';
import { loadWeatherConfig } from './weather.config';

describe('weather config', () => {
  it('defaults to Open-Meteo with sane resilience and cache settings', () => {
    const config = loadWeatherConfig({});
    expect(config).toMatchObject({
      WEATHER_PROVIDER: 'open-meteo',
      OPEN_METEO_BASE_URL: 'https://api.open-meteo.com',
      OPEN_METEO_ARCHIVE_BASE_URL: 'https://archive-api.open-meteo.com',
      MET_NORWAY_BASE_URL: 'https://api.met.no',
      WEATHER_TIMEOUT_MS: 3000,
      WEATHER_RETRIES: 2,
      WEATHER_CACHE_CURRENT_TTL_S: 600,
      WEATHER_CACHE_DAILY_TTL_S: 10_800,
    });
  });

  it('strips a trailing slash so paths join cleanly', () => {
    expect(loadWeatherConfig({ OPEN_METEO_BASE_URL: 'http://127.0.0.1:8090/' }).OPEN_METEO_BASE_URL).toBe('http://127.0.0.1:8090');
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadWeatherConfig({ WEATHER_PROVIDER: 'yahoo', OPEN_METEO_BASE_URL: 'not a url', WEATHER_TIMEOUT_MS: 'soon' })).toThrow(
      /WEATHER_PROVIDER.*OPEN_METEO_BASE_URL.*WEATHER_TIMEOUT_MS/,
    );
  });

  it('says at start-up that a retired setting is ignored, and starts', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      expect(loadWeatherConfig({ WEATHER_HISTORY_AFTER_DAYS: '14' }).WEATHER_PROVIDER).toBe('open-meteo');
      expect(warn).toHaveBeenCalledWith({ msg: expect.stringMatching(/^WEATHER_HISTORY_AFTER_DAYS is no longer used/) });
    } finally {
      warn.mockRestore();
    }
  });
});
