import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { IndexLoadingError } from '../search/index-loading.error';
import { InvalidParameterError } from './invalid-parameter.error';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The query or path parameter that was refused (`field` carries the same, as ingest's problems do). */
  parameter?: string;
  field?: string;
  [extension: string]: unknown;
}

export function problemOf(error: unknown): ProblemDetails {
  if (error instanceof InvalidParameterError) {
    return { type: 'https://newsflow.dev/problems/invalid-parameter', title: 'a request parameter is invalid', status: 400,
      detail: error.message, rule: 'invalid-parameter', parameter: error.parameter, field: error.parameter };
  }
  if (error instanceof IndexLoadingError) {
    return { type: 'about:blank', title: 'search index loading', status: 503, detail: error.message, rule: 'index-loading', loaded: error.loaded };
  }
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const body = typeof response === 'object' ? (response as Record<string, unknown>) : { message: response };
    return { type: 'about:blank', title: error.name, status: error.getStatus(), detail: String(body.message ?? error.message), ...body };
  }
  return { type: 'about:blank', title: 'internal error', status: 500, detail: 'the request failed unexpectedly' };
}

/** The query API answers every error as `application/problem+json` (RFC 9457). Applied per HTTP controller. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = problemOf(error);
    if (problem.status >= 500) this.logger.error({ msg: 'request failed', error: String((error as Error)?.stack ?? error) });
    const response = host.switchToHttp().getResponse<Response>();
    if (problem.rule === 'index-loading') response.setHeader('Retry-After', '5');
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
