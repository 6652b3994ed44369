import { traceIdOf } from './trace-id';

describe('traceIdOf', () => {
  it('takes the trace id out of a W3C traceparent', () => {
    expect(traceIdOf('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('returns undefined for a missing or malformed traceparent', () => {
    expect(traceIdOf(undefined)).toBeUndefined();
    expect(traceIdOf('')).toBeUndefined();
    expect(traceIdOf('garbage')).toBeUndefined();
    expect(traceIdOf('01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBeUndefined();
    expect(traceIdOf('00-0af7651916cd43dd8448eb211c8031-b7ad6b7169203331-01')).toBeUndefined();
  });
});
