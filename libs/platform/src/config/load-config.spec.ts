import { z } from 'zod';
import { commonConfigShape, loadConfig } from './load-config';

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
});
