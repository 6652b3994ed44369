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

  it('takes an empty ADMIN_API_KEY as unset (admin API off), but still refuses a short one', () => {
    expect(loadIngestConfig({ ADMIN_API_KEY: '' }).ADMIN_API_KEY).toBeUndefined();
    expect(loadIngestConfig({}).ADMIN_API_KEY).toBeUndefined();
    expect(loadIngestConfig({ ADMIN_API_KEY: 'k'.repeat(16) }).ADMIN_API_KEY).toBe('k'.repeat(16));
    expect(() => loadIngestConfig({ ADMIN_API_KEY: 'short' })).toThrow(/ADMIN_API_KEY: use at least 16 characters/);
  });

  it('names a bad fetch size', () => {
    expect(() => loadIngestConfig({ KAFKA_FETCH_MIN_BYTES: '0' })).toThrow(/KAFKA_FETCH_MIN_BYTES/);
  });

  it('keeps feeds off private networks, at least a minute apart and at most 500 items a poll unless told otherwise', () => {
    const config = loadIngestConfig({});
    expect(config).toMatchObject({ FEED_ALLOW_PRIVATE_NETWORKS: false, FEED_MIN_INTERVAL_SECONDS: 60, FEED_MAX_ITEMS_PER_POLL: 500 });
    expect(config.FEED_USER_AGENT).toBeUndefined();
    expect(loadIngestConfig({ FEED_ALLOW_PRIVATE_NETWORKS: 'true', FEED_USER_AGENT: 'desk-poller/1' })).toMatchObject({ FEED_ALLOW_PRIVATE_NETWORKS: true, FEED_USER_AGENT: 'desk-poller/1' });
    expect(loadIngestConfig({ FEED_USER_AGENT: '' }).FEED_USER_AGENT).toBeUndefined();
    expect(() => loadIngestConfig({ FEED_ALLOW_PRIVATE_NETWORKS: 'yes' })).toThrow(/FEED_ALLOW_PRIVATE_NETWORKS/);
    expect(() => loadIngestConfig({ FEED_MIN_INTERVAL_SECONDS: '0' })).toThrow(/FEED_MIN_INTERVAL_SECONDS/);
  });
});
