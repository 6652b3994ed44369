import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isStoreUnavailable } from '@newsflow/platform';
import { InputProblem } from '../articles/formats/input-problem';
import { PipelineUnavailable } from '../articles/submit-article/pipeline-unavailable.error';
import { SubmissionsBusy, UploadTooSlow } from './submission-errors';

/** Seconds a client should wait after the store or ingest was busy: SQLite locks clear within milliseconds, a burst within a second or so. */
const BUSY_RETRY_AFTER_SECONDS = 1;
/** After Kafka did not answer: a broker restart or leader move takes seconds, not milliseconds. */
const PIPELINE_RETRY_AFTER_SECONDS = 5;

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  rule?: string;
  field?: string;
  [extension: string]: unknown;
}

export function problemOf(error: unknown): ProblemDetails {
  if (error instanceof InputProblem) {
    return { type: `https://newsflow.dev/problems/${error.rule}`, title: 'the article cannot be accepted', status: error.status,
      detail: error.message, rule: error.rule, ...(error.field ? { field: error.field } : {}), ...error.extensions };
  }
  // The body reader's errors, shaped as body-parser's (submission-errors.ts): size limit, aborted uploads.
  const parserError = error as { type?: string; status?: number; limit?: number };
  if (parserError?.type === 'entity.too.large') {
    return { type: 'https://newsflow.dev/problems/body-too-large', title: 'the request body is too large', status: 413,
      detail: `the body exceeds the limit of ${parserError.limit} bytes`, rule: 'body-too-large' };
  }
  if (parserError?.type === 'request.aborted') {
    return { type: 'https://newsflow.dev/problems/request-aborted', title: 'the upload was not completed', status: 400,
      detail: 'the client closed the connection before the body was complete; nothing was accepted', rule: 'request-aborted' };
  }
  // zlib's own error for a body whose Content-Encoding it is not: Z_DATA_ERROR, Z_BUF_ERROR.
  if (/^Z_/.test(String((error as { code?: unknown })?.code ?? ''))) {
    return { type: 'https://newsflow.dev/problems/body-encoding-invalid', title: 'the request body cannot be decompressed', status: 400,
      detail: `the body is not valid data for its Content-Encoding (${(error as Error).message})`, rule: 'body-encoding-invalid' };
  }
  if (parserError?.type?.startsWith('encoding.') && parserError.status === 415) {
    return { type: 'https://newsflow.dev/problems/unsupported-encoding', title: 'the body\'s encoding is not supported', status: 415,
      detail: String((error as Error).message), rule: 'unsupported-encoding' };
  }
  if (parserError?.type?.startsWith('entity.') && parserError.status && parserError.status < 500) {
    return { type: 'https://newsflow.dev/problems/json-malformed', title: 'the request body cannot be read', status: parserError.status,
      detail: String((error as Error).message), rule: 'json-malformed' };
  }
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const body = typeof response === 'object' ? (response as Record<string, unknown>) : { message: response };
    // The body's own fields stay as extensions, but never in place of the problem's: the readiness
    // check's `{ status: 'error' }` once became the HTTP status and turned a 503 into a 500.
    // Every answer names a rule, as the submission routes' do: NotFoundException → not-found.
    const rule = typeof body.rule === 'string' ? body.rule : error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    return { ...body, type: 'about:blank', title: error.name, status: error.getStatus(), detail: String(body.message ?? error.message), rule, message: undefined, statusCode: undefined };
  }
  if (error instanceof PipelineUnavailable) {
    return { type: 'https://newsflow.dev/problems/pipeline-unavailable', title: 'the pipeline did not take the article', status: 503,
      detail: error.message, rule: 'pipeline-unavailable', error: error.code };
  }
  if (error instanceof SubmissionsBusy) {
    return { type: 'https://newsflow.dev/problems/busy', title: 'ingest is busy', status: 503, detail: error.message, rule: 'busy' };
  }
  if (error instanceof UploadTooSlow) {
    return { type: 'https://newsflow.dev/problems/upload-too-slow', title: 'the upload was too slow', status: 408, detail: error.message, rule: 'upload-too-slow' };
  }
  if (isStoreUnavailable(error)) {
    return { type: 'https://newsflow.dev/problems/store-unavailable', title: 'the article store is busy or unavailable', status: 503,
      detail: 'the article store could not take the write; retry shortly: resubmitting the same story is safe', rule: 'store-unavailable' };
  }
  return { type: 'about:blank', title: 'internal error', status: 500, detail: 'the request failed unexpectedly; nothing was accepted' };
}

/** Every error from ingest's HTTP API is `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = problemOf(error);
    // Shedding is logged once per episode where it starts, not once per refused request.
    if (problem.status >= 500 && problem.rule !== 'busy') this.logger.error({ msg: 'request failed', error: String((error as Error)?.stack ?? error) });
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof InputProblem) response.set(error.headers);
    if (problem.rule === 'store-unavailable' || problem.rule === 'busy') response.set('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
    if (problem.rule === 'pipeline-unavailable') response.set('Retry-After', String(PIPELINE_RETRY_AFTER_SECONDS));
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
