import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as zlib from 'node:zlib';
import { bodyError, UploadTooSlow } from './submission-errors';

export interface BodyReadLimits {
  /** Past it (decoded) the body is answered 413; a declared Content-Length past it is refused before reading. */
  maxBodyBytes: number;
  /** A body bringing fewer than `minBytesPerSecond × stallWindowMs` bytes in any such window is cut off (408). */
  minBytesPerSecond: number;
  stallWindowMs: number;
}

/** What went wrong, and whether the connection must be closed after the answer rather than kept for the next request. */
export class BodyReadFailure extends Error {
  constructor(readonly error: unknown, readonly closeConnection: boolean) {
    super(String((error as Error)?.message ?? error));
  }
}

const SUPPORTED_ENCODINGS = ['identity', 'gzip', 'deflate', 'br'];

/**
 * The failure a request's headers already earn (a declared length past the limit, an encoding ingest
 * cannot decode), so it is answered before any of its body is read or any budget is taken for it.
 */
export function refusedFromHeaders(req: IncomingMessage, limits: Pick<BodyReadLimits, 'maxBodyBytes'>): Error | undefined {
  const encoding = encodingOf(req);
  if (!SUPPORTED_ENCODINGS.includes(encoding)) return bodyError('encoding.unsupported', 415, `unsupported content encoding "${encoding}"`, { encoding });
  // A compressed body's wire length says nothing certain about what it inflates to; it is judged as it inflates.
  if (encoding === 'identity' && Number(req.headers['content-length']) > limits.maxBodyBytes) return tooLarge(limits.maxBodyBytes);
  return undefined;
}

/**
 * Reads (and decompresses) a request body, calling `onProgress` with the decoded bytes so far as they
 * grow, so the caller charges what the body holds rather than the most it could. `onProgress` may
 * throw to stop.
 *
 * The promise rejects the moment the body fails, so the caller frees what it held and answers at
 * once: a failure the headers earn is to be answered with the connection closed, as its body may
 * never come. After a failure partway, the rest is read off and dropped so the client gets to read
 * the answer, but at most `maxBodyBytes` more and only while it keeps arriving at the minimum rate;
 * past either the connection is dropped. A body too slow to arrive is answered 408, connection closed.
 */
export function readSubmissionBody(req: IncomingMessage, limits: BodyReadLimits, onProgress: (decodedBytes: number) => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const refused = refusedFromHeaders(req, limits);
    if (refused) return reject(new BodyReadFailure(refused, true));

    const chunks: Buffer[] = [];
    let size = 0;
    let wireBytesThisWindow = 0;
    let drainedBytes = 0;
    let failure: BodyReadFailure | undefined;
    let settled = false;
    const encoding = encodingOf(req);
    const decoded: IncomingMessage | Duplex = encoding === 'identity' ? req : req.pipe(decoderFor(encoding));

    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const stopWatching = () => clearInterval(stallCheck);
    // The answer has gone out; a client that keeps the connection busy past the drain's bounds loses it.
    const dropConnection = () => {
      stopWatching();
      req.socket?.destroy();
    };
    // Stops collecting and rejects at once; what is left of the body is read off within bounds (see above).
    const fail = (error: unknown, closeConnection = false) => {
      if (failure) return;
      failure = new BodyReadFailure(error, closeConnection);
      chunks.length = 0;
      if (decoded !== req) {
        req.unpipe(decoded as Duplex);
        decoded.destroy();
        // Unpiping paused it; the rest is read off so the client gets to read the answer.
        req.resume();
      }
      if (closeConnection || req.readableEnded) stopWatching();
      settle(() => reject(failure));
    };

    const minBytesPerWindow = Math.ceil((limits.minBytesPerSecond * limits.stallWindowMs) / 1000);
    const stallCheck = setInterval(() => {
      const stalled = wireBytesThisWindow < minBytesPerWindow;
      wireBytesThisWindow = 0;
      if (!stalled) return;
      if (failure) return dropConnection();
      fail(new UploadTooSlow(`the body arrived at fewer than ${limits.minBytesPerSecond} bytes a second over ${limits.stallWindowMs} ms; nothing was accepted: send it again on a faster connection`), true);
    }, limits.stallWindowMs);

    req.on('data', (chunk: Buffer) => {
      wireBytesThisWindow += chunk.length;
      if (failure) {
        drainedBytes += chunk.length;
        if (drainedBytes > limits.maxBodyBytes) dropConnection();
      } else if (decoded === req) {
        collect(chunk);
      }
    });
    if (decoded !== req) {
      decoded.on('data', (chunk: Buffer) => !failure && collect(chunk));
      decoded.on('error', (error) => fail(error));
      decoded.on('end', () => !failure && settle(() => resolve(Buffer.concat(chunks, size))));
    }
    req.on('end', () => {
      stopWatching();
      if (decoded === req && !failure) settle(() => resolve(Buffer.concat(chunks, size)));
    });
    req.on('close', () => {
      stopWatching();
      if (!req.complete) settle(() => reject(new BodyReadFailure(bodyError('request.aborted', 400, 'request aborted'), true)));
    });

    function collect(chunk: Buffer): void {
      size += chunk.length;
      if (size > limits.maxBodyBytes) return fail(tooLarge(limits.maxBodyBytes));
      try {
        onProgress(size);
      } catch (error) {
        return fail(error);
      }
      chunks.push(chunk);
    }
  });
}

function encodingOf(req: IncomingMessage): string {
  return String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase() || 'identity';
}

function tooLarge(limit: number): Error {
  return bodyError('entity.too.large', 413, 'request entity too large', { limit });
}

function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress {
  switch (encoding) {
    case 'gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    default:
      return zlib.createBrotliDecompress();
  }
}
