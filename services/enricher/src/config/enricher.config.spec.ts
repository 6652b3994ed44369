import { loadEnricherConfig } from './enricher.config';

describe('enricher config', () => {
  it('gives each extraction 10 s by default, well inside the consumer session timeout', () => {
    expect(loadEnricherConfig({})).toMatchObject({ EXTRACTION_WORKERS: 1, EXTRACTION_TIMEOUT_MS: 10_000 });
    expect(loadEnricherConfig({ EXTRACTION_TIMEOUT_MS: '2500' }).EXTRACTION_TIMEOUT_MS).toBe(2500);
  });

  it('fails fast on a deadline no extraction could meet', () => {
    expect(() => loadEnricherConfig({ EXTRACTION_TIMEOUT_MS: '0' })).toThrow(/EXTRACTION_TIMEOUT_MS/);
    expect(() => loadEnricherConfig({ EXTRACTION_TIMEOUT_MS: 'soon' })).toThrow(/EXTRACTION_TIMEOUT_MS/);
  });
});
