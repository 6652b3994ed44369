import { z } from 'zod';
import { commonConfigShape, heapGrowingPercent, loadConfig } from './load-config';

const schema = z.object({ ...commonConfigShape, HTTP_PORT: z.coerce.number().int().default(8081) });

describe('loadConfig', () => {
  it('applies defaults and splits the broker list', () => {
    const config = loadConfig('svc', schema, { KAFKA_BROKERS: 'a:9092, b:9093' });
    expect(config.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(config.HTTP_PORT).toBe(8081);
    expect(config.MONGODB_URI).toMatch(/^mongodb:\/\//);
  });

  it('names every bad variable in one error', () => {
    expect(() => loadConfig('svc', schema, { HTTP_PORT: 'eighty', REDIS_URL: 'localhost' })).toThrow(
      /svc: invalid configuration: .*HTTP_PORT.*REDIS_URL|REDIS_URL.*HTTP_PORT/,
    );
  });

  describe('heap growth', () => {
    it('defaults to 200 %, and a service can default lower', () => {
      expect(loadConfig('svc', schema, {}).HEAP_GROWING_PERCENT).toBe(200);
      const lower = z.object({ ...commonConfigShape, HEAP_GROWING_PERCENT: heapGrowingPercent(50) });
      expect(loadConfig('svc', lower, {}).HEAP_GROWING_PERCENT).toBe(50);
      expect(loadConfig('svc', lower, { HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT).toBe(0);
    });

    it('refuses a negative, fractional or absurd percentage by name', () => {
      for (const value of ['-1', '1.5', '5000', 'lots']) {
        expect(() => loadConfig('svc', schema, { HEAP_GROWING_PERCENT: value })).toThrow(/HEAP_GROWING_PERCENT/);
      }
    });
  });

  describe('produce linger', () => {
    it('defaults to 5 ms like Kafka\'s own producer, and 0 turns it off', () => {
      expect(loadConfig('svc', schema, {}).KAFKA_PRODUCE_LINGER_MS).toBe(5);
      expect(loadConfig('svc', schema, { KAFKA_PRODUCE_LINGER_MS: '0' }).KAFKA_PRODUCE_LINGER_MS).toBe(0);
    });

    it('refuses a negative, fractional or absurd wait by name', () => {
      for (const value of ['-1', '2.5', '60000', 'soon']) {
        expect(() => loadConfig('svc', schema, { KAFKA_PRODUCE_LINGER_MS: value })).toThrow(/KAFKA_PRODUCE_LINGER_MS/);
      }
    });
  });

  describe('consumer retry policy', () => {
    it('defaults to 5 attempts, 200 ms first delay and 5000 ms ceiling', () => {
      expect(loadConfig('svc', schema, {})).toMatchObject({
        MESSAGING_RETRY_MAX_ATTEMPTS: 5, MESSAGING_RETRY_INITIAL_DELAY_MS: 200, MESSAGING_RETRY_MAX_DELAY_MS: 5000,
      });
    });

    it('reads positive integers', () => {
      const env = { MESSAGING_RETRY_MAX_ATTEMPTS: '1', MESSAGING_RETRY_INITIAL_DELAY_MS: '50', MESSAGING_RETRY_MAX_DELAY_MS: '50' };
      expect(loadConfig('svc', schema, env)).toMatchObject({
        MESSAGING_RETRY_MAX_ATTEMPTS: 1, MESSAGING_RETRY_INITIAL_DELAY_MS: 50, MESSAGING_RETRY_MAX_DELAY_MS: 50,
      });
    });

    it.each([
      ['MESSAGING_RETRY_MAX_ATTEMPTS', '0'],
      ['MESSAGING_RETRY_MAX_ATTEMPTS', 'many'],
      ['MESSAGING_RETRY_INITIAL_DELAY_MS', '-100'],
      ['MESSAGING_RETRY_INITIAL_DELAY_MS', '1.5'],
      ['MESSAGING_RETRY_MAX_DELAY_MS', ''],
    ])('refuses %s=%j, naming it', (name, value) => {
      expect(() => loadConfig('svc', schema, { [name]: value })).toThrow(new RegExp(`svc: invalid configuration: ${name}: `));
    });

    it('refuses a maximum delay below the initial one', () => {
      expect(() => loadConfig('svc', schema, { MESSAGING_RETRY_INITIAL_DELAY_MS: '1000', MESSAGING_RETRY_MAX_DELAY_MS: '500' })).toThrow(
        'svc: invalid configuration: MESSAGING_RETRY_MAX_DELAY_MS: must be at least MESSAGING_RETRY_INITIAL_DELAY_MS (1000)',
      );
    });

    it('compares against the default when only one delay is set', () => {
      expect(() => loadConfig('svc', schema, { MESSAGING_RETRY_MAX_DELAY_MS: '100' })).toThrow(/MESSAGING_RETRY_MAX_DELAY_MS: must be at least .*\(200\)/);
    });
  });
});
