import { randomFillSync } from 'node:crypto';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The trace id of a W3C traceparent (`00-<trace id>-<span id>-<flags>`), or undefined when malformed. */
export function traceIdOf(traceparent?: string): string | undefined {
  return traceparent ? TRACEPARENT.exec(traceparent)?.[1] : undefined;
}

/**
 * Random bytes drawn 4 KB at a time, as `crypto.randomUUID` does for its ids: `randomBytes(8)` per
 * published event was a system call each, ~1 % of ingest's and the enricher's CPU under load.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const id = pool.toString('hex', used, used + bytes);
  used += bytes;
  // W3C trace context: an all-zero id is invalid.
  return /[^0]/.test(id) ? id : randomHex(bytes);
}

/** A new W3C trace id: 16 random bytes as 32 hex digits. */
export const newTraceId = (): string => randomHex(16);

/** A new W3C span (parent) id: 8 random bytes as 16 hex digits. */
export const newSpanId = (): string => randomHex(8);
