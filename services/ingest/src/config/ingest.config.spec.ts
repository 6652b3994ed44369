import { loadIngestConfig } from './ingest.config';

describe('ingest config', () => {
  it('lets status tracking fetch in batches by default', () => {
    const config = loadIngestConfig({});
    expect(config.KAFKA_FETCH_WAIT_MS).toBe(1000);
    expect(config.KAFKA_FETCH_MIN_BYTES).toBe(1024 * 1024);
  });

  it('takes a fetch wait of 0 (every event at once) from the environment', () => {
    expect(loadIngestConfig({ KAFKA_FETCH_WAIT_MS: '0' }).KAFKA_FETCH_WAIT_MS).toBe(0);
  });

  it('names a bad fetch size', () => {
    expect(() => loadIngestConfig({ KAFKA_FETCH_MIN_BYTES: '0' })).toThrow(/KAFKA_FETCH_MIN_BYTES/);
  });
});
