import { loadConsoleConfig } from './console.config';

describe('loadConsoleConfig', () => {
  it('defaults to the four services on their standard loopback ports', () => {
    const config = loadConsoleConfig({});
    expect(config.HTTP_PORT).toBe(8080);
    expect([config.INGEST_URL, config.ENRICHER_URL, config.WEATHER_URL, config.INDEXER_URL]).toEqual([
      'http://127.0.0.1:8081', 'http://127.0.0.1:8082', 'http://127.0.0.1:8083', 'http://127.0.0.1:8084',
    ]);
  });

  it('drops trailing slashes so paths can be appended', () => {
    expect(loadConsoleConfig({ INDEXER_URL: 'https://search.example.org/' }).INDEXER_URL).toBe('https://search.example.org');
  });

  it('takes an empty INGEST_ADMIN_API_KEY as unset', () => {
    expect(loadConsoleConfig({ INGEST_ADMIN_API_KEY: '' }).INGEST_ADMIN_API_KEY).toBeUndefined();
    expect(loadConsoleConfig({}).INGEST_ADMIN_API_KEY).toBeUndefined();
    expect(loadConsoleConfig({ INGEST_ADMIN_API_KEY: ' key ' }).INGEST_ADMIN_API_KEY).toBe('key');
  });

  it('names every bad variable', () => {
    const load = () => loadConsoleConfig({ INGEST_URL: 'ftp://x', HTTP_PORT: '0', CONSOLE_SAMPLE_INTERVAL_MS: 'soon' });
    expect(load).toThrow(/INGEST_URL: expected an http:\/\/ or https:\/\/ URL/);
    expect(load).toThrow(/HTTP_PORT: Too small/);
    expect(load).toThrow(/CONSOLE_SAMPLE_INTERVAL_MS: .*expected number/);
  });
});
