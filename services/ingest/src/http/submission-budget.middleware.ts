import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { LargeBodyGate } from './large-body-gate';
import { BodyReadFailure, readSubmissionBody, refusedFromHeaders } from './read-submission-body';
import { ShedEpisodes } from './shed-episodes';
import { Reservation, SubmissionBudget } from './submission-budget';

export { SubmissionsBusy, UploadTooSlow } from './submission-errors';

export interface SubmissionIntakeLimits {
  budgetBytes: number;
  /** Fraction of the budget one source may hold (its other submissions are refused past it). */
  sourceShare: number;
  maxBodyBytes: number;
  minBytesPerSecond: number;
  stallWindowMs: number;
  /** Bodies of at least this many bytes are handled at most `largeAtOnce` at a time. */
  largeBodyBytes: number;
  largeAtOnce: number;
}

/** What a body of unknown length is charged until more of it has arrived: a socket read's worth. */
const UNKNOWN_LENGTH_BYTES = 16 * 1024;

/**
 * Reads a submission's body within ingest's budget of request bytes in progress, after
 * SourceAuthMiddleware has said which source sends it. Past the instance's budget, or past the
 * source's share of it, a submission is answered 503 busy with Retry-After before its body is read,
 * so one desk's flood sheds that desk's submissions only. A declared length is charged up front; a
 * compressed or chunked body is charged what it decodes to as it arrives (and is refused 503 if that
 * passes a limit), not the largest it could be. A body that trickles in is cut off with 408. Large
 * bodies are then handled a few at a time (LargeBodyGate). Sets `req.body` to the decoded bytes.
 *
 * A submission whose headers already earn a refusal (a declared length past MAX_BODY_BYTES, an
 * unsupported encoding) is answered 413/415 at once with the connection closed, and takes nothing:
 * its body may never come, and waiting for it once held the budget for a minute. A body that fails
 * partway gives its bytes back the moment it fails, and is answered while the rest drains.
 */
export function submissionBudget(limits: SubmissionIntakeLimits): RequestHandler[] {
  const budget = new SubmissionBudget(limits, new ShedEpisodes(new Logger('SubmissionBudget')));
  const gate = new LargeBodyGate(limits.largeAtOnce);
  const readBody = (req: Request & { source?: { _id: string } }, res: Response, next: NextFunction): void => {
    const refused = refusedFromHeaders(req, limits);
    if (refused) {
      res.setHeader('Connection', 'close');
      next(refused);
      return;
    }
    const declared = Number(req.headers['content-length']);
    const known = Number.isFinite(declared) && declared >= 0 ? Math.min(declared, limits.maxBodyBytes) : undefined;
    // A plain body holds its declared length; a compressed one is charged its length on the wire until it inflates past it.
    let reservation: Reservation;
    try {
      reservation = budget.admit(req.source?._id ?? '', known ?? Math.min(UNKNOWN_LENGTH_BYTES, limits.maxBodyBytes));
    } catch (error) {
      next(error);
      return;
    }
    res.once('close', reservation.release);
    readSubmissionBody(req, limits, (decoded) => reservation.growTo(decoded)).then(
      (body) => {
        req.body = body;
        next();
      },
      (failure: BodyReadFailure) => {
        // What it held is no longer in memory: let others in while the answer goes out (and the rest drains).
        reservation.release();
        if (failure.closeConnection) res.setHeader('Connection', 'close');
        next(failure.error);
      },
    );
  };
  const oneLargeAtATime = (req: Request, res: Response, next: NextFunction): void => {
    if (!Buffer.isBuffer(req.body) || req.body.length < limits.largeBodyBytes) return next();
    const turn = gate.enter();
    res.once('close', turn.release);
    void turn.granted.then(() => next());
  };
  return [readBody, oneLargeAtATime];
}
