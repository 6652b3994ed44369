import { FeedFetchError } from './feed-errors';

/**
 * Reads a response body as it arrives, counting the bytes after decompression, and stops past
 * `maxBytes`: neither a chunked body without Content-Length nor a small gzip that inflates to
 * gigabytes gets further than that into memory.
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedFetchError('feed-too-large', `the feed is over ${maxBytes} bytes (decompressed); ingest stopped reading it`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Lets go of a body ingest will not read, so its connection is released instead of held until a timeout. */
export async function discard(body: ReadableStream<Uint8Array> | null): Promise<void> {
  await body?.cancel().catch(() => undefined);
}
