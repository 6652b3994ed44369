import { childTraceparent, traceIdOf } from './trace-context';

describe('trace context', () => {
  it('keeps the trace id and changes the span id', () => {
    const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const child = childTraceparent(parent);
    expect(traceIdOf(child)).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(child).not.toBe(parent);
  });

  it('starts a new sampled trace when the parent is missing or malformed', () => {
    expect(childTraceparent()).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceIdOf(childTraceparent('garbage'))).toHaveLength(32);
  });
});
