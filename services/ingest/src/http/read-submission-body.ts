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

/** What went wrong, and whether the connection must be closed (the client stopped sending) rather than drained. */
export class BodyReadFailure extends Error {
  constructor(readonly error: unknown, readonly closeConnection: boolean) {
    super(String((error as Error)?.message ?? error));
  }
}

/**
 * Reads (and decompresses) a request body, calling `onProgress` with the decoded bytes so far as they
 * grow, so the caller charges what the body holds rather than the most it could. `onProgress` may
 * throw to stop. A failed body is read off to its end before the promise rejects (the client then
 * reads the answer), except one too slow to arrive, whose connection is to be closed.
 */
export function readSubmissionBody(req: IncomingMessage, limits: BodyReadLimits, onProgress: (decodedBytes: number) => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let wireBytesThisWindow = 0;
    let failure: BodyReadFailure | undefined;
    let settled = false;
    let decoded: IncomingMessage | Duplex = req;

    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(stallCheck);
      outcome();
    };
    // Stops collecting; the rest of the body is read off and dropped, and the promise rejects at its end.
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
      // A decoder can fail (a truncated stream) or overflow after the wire body has ended.
      if (closeConnection || req.readableEnded) settle(() => reject(failure));
    };

    const minBytesPerWindow = Math.ceil((limits.minBytesPerSecond * limits.stallWindowMs) / 1000);
    const stallCheck = setInterval(() => {
      if (wireBytesThisWindow < minBytesPerWindow) {
        fail(new UploadTooSlow(`the body arrived at fewer than ${limits.minBytesPerSecond} bytes a second over ${limits.stallWindowMs} ms; nothing was accepted: send it again on a faster connection`), true);
      }
      wireBytesThisWindow = 0;
    }, limits.stallWindowMs);

    const declared = Number(req.headers['content-length']);
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase() || 'identity';
    try {
      if (encoding !== 'identity') decoded = req.pipe(decoderFor(encoding));
      else if (declared > limits.maxBodyBytes) throw tooLarge(limits.maxBodyBytes);
    } catch (error) {
      fail(error);
    }

    req.on('data', (chunk: Buffer) => {
      wireBytesThisWindow += chunk.length;
      if (decoded === req && !failure) collect(chunk);
    });
    if (decoded !== req) {
      decoded.on('data', (chunk: Buffer) => !failure && collect(chunk));
      decoded.on('error', (error) => fail(error));
      decoded.on('end', () => !failure && settle(() => resolve(Buffer.concat(chunks, size))));
    }
    req.on('end', () => {
      if (failure) settle(() => reject(failure));
      else if (decoded === req) settle(() => resolve(Buffer.concat(chunks, size)));
    });
    req.on('close', () => {
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

function tooLarge(limit: number): Error {
  return bodyError('entity.too.large', 413, 'request entity too large', { limit });
}

function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress {
  switch (encoding) {
    case 'gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw bodyError('encoding.unsupported', 415, `unsupported content encoding "${encoding}"`, { encoding });
  }
}
