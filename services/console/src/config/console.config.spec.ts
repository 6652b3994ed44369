import { ConsoleConfigSchema, loadConsoleConfig } from './console.config';

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

  it('holds no API key: the keys it was once given are not read, so they cannot serve anyone who reaches it', () => {
    expect(Object.keys(ConsoleConfigSchema.shape).filter((name) => /KEY/.test(name))).toEqual([]);
    const config = loadConsoleConfig({ READ_API_KEY: 'rk_0123456789abcdef', INGEST_ADMIN_API_KEY: 'nfa_0123456789abcdef' }) as Record<string, unknown>;
    expect(Object.values(config)).not.toContain('rk_0123456789abcdef');
    expect(Object.values(config)).not.toContain('nfa_0123456789abcdef');
  });

  it('names every bad variable', () => {
    const load = () => loadConsoleConfig({ INGEST_URL: 'ftp://x', HTTP_PORT: '0', CONSOLE_SAMPLE_INTERVAL_MS: 'soon' });
    expect(load).toThrow(/INGEST_URL: expected an http:\/\/ or https:\/\/ URL/);
    expect(load).toThrow(/HTTP_PORT: Too small/);
    expect(load).toThrow(/CONSOLE_SAMPLE_INTERVAL_MS: .*expected number/);
  });
});
