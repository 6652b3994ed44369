import { Logger } from '@nestjs/common';
import { AppError, counter, gauge } from '@newsflow/platform';
import type { NextFunction, Request, Response } from 'express';

const inProgressBytes = gauge('newsflow_ingest_submission_bytes_in_progress', 'Request bytes of the submissions ingest is handling now');
const shed = counter('newsflow_ingest_submissions_shed_total', 'Submissions answered 503 because ingest already held its budget of bytes in progress');

/** Answered by the problem+json filter as 503 `busy` with Retry-After; resubmitting is safe. */
export class SubmissionsBusy extends AppError {
  constructor(message: string) {
    super('INGEST.BUSY', message, { retriable: true });
    this.name = 'SubmissionsBusy';
  }
}

/**
 * Bounds the request bytes ingest holds at once, before a body is read: past the budget a submission
 * is answered 503 with Retry-After at once instead of queueing in memory until the heap runs out and
 * the process takes everything in flight down with it. A body of unknown length, or a compressed one,
 * counts as the largest allowed. One submission is always let in, so a single large batch is never refused for its size alone.
 */
export function submissionBudget(budgetBytes: number, maxBodyBytes: number) {
  const logger = new Logger('SubmissionBudget');
  let held = 0;
  let inFlight = 0;
  let shedding = false;
  return (request: Request, response: Response, next: NextFunction): void => {
    const declared = Number(request.headers['content-length']);
    // A compressed body inflates to up to maxBodyBytes whatever its length on the wire (2 KB of gzip to 2 MB).
    const encoded = !/^(?:identity)?$/i.test(String(request.headers['content-encoding'] ?? '').trim());
    const bytes = !encoded && Number.isFinite(declared) && declared >= 0 ? Math.min(declared, maxBodyBytes) : maxBodyBytes;
    if (inFlight > 0 && held + bytes > budgetBytes) {
      shed.inc();
      if (!shedding) logger.warn({ msg: 'ingest is busy: shedding submissions', budgetBytes, heldBytes: held, inFlight });
      shedding = true;
      next(new SubmissionsBusy(`ingest is already handling ${inFlight} submissions (${held} bytes, its budget is ${budgetBytes}); retry shortly: resubmitting the same story is safe`));
      return;
    }
    if (shedding) logger.log({ msg: 'ingest takes submissions again', heldBytes: held, inFlight });
    shedding = false;
    held += bytes;
    inFlight += 1;
    inProgressBytes.set(held);
    response.once('close', () => {
      held -= bytes;
      inFlight -= 1;
      inProgressBytes.set(held);
    });
    next();
  };
}
