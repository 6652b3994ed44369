import { AppError } from '@newsflow/platform';

/** Answered by the problem+json filter as 503 `busy` with Retry-After; resubmitting is safe. */
export class SubmissionsBusy extends AppError {
  constructor(message: string) {
    super('INGEST.BUSY', message, { retriable: true });
    this.name = 'SubmissionsBusy';
  }
}

/**
 * Answered 408 `upload-too-slow` and the connection closed: a body that trickles in holds its
 * share of the submission budget, so it is cut off instead of waiting out the 60 s request timeout.
 */
export class UploadTooSlow extends AppError {
  constructor(message: string) {
    super('INGEST.UPLOAD_TOO_SLOW', message, { retriable: true });
    this.name = 'UploadTooSlow';
  }
}

/**
 * Errors shaped as body-parser's, which ingest used to read bodies with: the problem filter maps
 * them to the same answers as before (413 body-too-large, 415 unsupported-encoding, 400 request-aborted).
 */
export function bodyError(type: 'entity.too.large' | 'encoding.unsupported' | 'request.aborted', status: number, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { type, status, ...extra });
}
