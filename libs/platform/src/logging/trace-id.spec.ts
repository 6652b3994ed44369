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

describe('newTraceId and newSpanId', () => {
  it('are hex of the W3C lengths, and differ across refills of the random pool', () => {
    const { newSpanId, newTraceId } = jest.requireActual<typeof import('./trace-id')>('./trace-id');
    // 1,500 ids of 8 bytes and 16 bytes: 36 KB, so the 4 KB pool is refilled several times.
    const spans = Array.from({ length: 1500 }, newSpanId);
    const traces = Array.from({ length: 1500 }, newTraceId);
    for (const id of spans) expect(id).toMatch(/^[0-9a-f]{16}$/);
    for (const id of traces) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(spans).size).toBe(spans.length);
    expect(new Set(traces).size).toBe(traces.length);
    expect(traceIdOf(`00-${newTraceId()}-${newSpanId()}-01`)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never hands out an all-zero id, which W3C trace context calls invalid', () => {
    jest.isolateModules(() => {
      const crypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
      const fill = jest.spyOn(crypto, 'randomFillSync').mockImplementationOnce((buffer) => (buffer as Buffer).fill(0));
      const { newSpanId } = jest.requireActual<typeof import('./trace-id')>('./trace-id');
      try {
        // The first pool is all zeros: every id in it is refused, and one from the next pool is given.
        const id = newSpanId();
        expect(id).toMatch(/^[0-9a-f]{16}$/);
        expect(id).not.toBe('0'.repeat(16));
        expect(fill).toHaveBeenCalledTimes(2);
      } finally {
        fill.mockRestore();
      }
    });
  });
});
