import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AccessRefusedError } from '../upstream/access-refused.error';
import { UpstreamError } from '../upstream/upstream.error';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

/**
 * A key the service refused is answered 401 (none was given: sign in) or 403 (this key may not read
 * it), keeping the service's rule. Another 4xx from a service (a refused search parameter) is the
 * caller's problem and passes through as the service wrote it; a service that is down or failing
 * becomes a 502 naming that service.
 */
export function problemOf(error: unknown): ProblemDetails {
  if (error instanceof AccessRefusedError) {
    const rule = error.problem?.rule;
    return {
      type: 'about:blank', title: error.keyPresented ? 'key refused' : 'key required', status: error.answerStatus, detail: error.message,
      service: error.service, reading: error.reading, ...(typeof rule === 'string' ? { rule } : {}),
    };
  }
  if (error instanceof UpstreamError) {
    if (error.status !== undefined && error.status >= 400 && error.status < 500 && error.problem) {
      return { type: 'about:blank', title: 'refused by the service', detail: error.message, ...error.problem, status: error.status, service: error.service };
    }
    return { type: 'https://newsflow.dev/problems/upstream', title: 'a pipeline service failed', status: 502, detail: error.message, service: error.service };
  }
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const body = typeof response === 'object' ? (response as Record<string, unknown>) : { message: response };
    return { type: 'about:blank', title: error.name, status: error.getStatus(), detail: String(body.message ?? error.message), ...body };
  }
  return { type: 'about:blank', title: 'internal error', status: 500, detail: 'the request failed unexpectedly' };
}

/** The console's API answers every error as `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = problemOf(error);
    if (problem.status >= 500) this.logger.warn({ msg: 'console API call failed', status: problem.status, error: String((error as Error)?.message ?? error) });
    const response = host.switchToHttp().getResponse<Response>();
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
