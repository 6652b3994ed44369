import { ArgumentsHost } from '@nestjs/common';
import { mongo } from 'mongoose';
import { BadRequestException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { PipelineUnavailable } from '../articles/submit-article/pipeline-unavailable.error';
import { ProblemDetailsFilter, problemOf } from './problem-details.filter';

function respond(error: unknown) {
  const headers: Record<string, string> = {};
  let status = 0;
  let body = '';
  const response = {
    set: (name: string | Record<string, string>, value?: string) => {
      if (typeof name === 'string') headers[name] = value ?? '';
      else Object.assign(headers, name);
      return response;
    },
    status: (code: number) => ((status = code), response),
    type: () => response,
    send: (text: string) => ((body = text), response),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return { status, headers, problem: JSON.parse(body) };
}

describe('ProblemDetailsFilter', () => {
  it('answers a busy store (FerretDB SQLITE_BUSY) with a retriable 503 and Retry-After', () => {
    const busy = new mongo.MongoServerError({ message: 'database is locked (5) (SQLITE_BUSY)', code: 1 });
    const { status, headers, problem } = respond(busy);
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('1');
    expect(problem).toMatchObject({ status: 503, rule: 'store-unavailable' });
  });

  it('answers Kafka not acknowledging with a retriable 503, a rule and Retry-After', () => {
    const { status, headers, problem } = respond(new PipelineUnavailable());
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(problem).toMatchObject({ status: 503, rule: 'pipeline-unavailable', error: 'KAFKA.UNAVAILABLE' });
  });

  it('keeps an unready health check a 503 (its body once carried status "error" into the HTTP status)', () => {
    const unready = new ServiceUnavailableException({ status: 'error', info: {}, error: { kafka: { status: 'down' } }, details: { kafka: { status: 'down' } } });
    const { status, problem } = respond(unready);
    expect(status).toBe(503);
    expect(problem).toMatchObject({ status: 503, error: { kafka: { status: 'down' } } });
  });

  it('names a rule for the framework\'s own answers too (an unknown article, a malformed id)', () => {
    expect(problemOf(new NotFoundException({ error: 'ARTICLE.NOT_FOUND', message: 'no article with id x' }))).toMatchObject({ status: 404, rule: 'not-found', detail: 'no article with id x' });
    expect(problemOf(new BadRequestException('Validation failed (uuid is expected)'))).toMatchObject({ status: 400, rule: 'bad-request' });
  });

  it('answers an upload the client abandoned, or a body that is not what its Content-Encoding says, as the client\'s 400', () => {
    expect(problemOf(Object.assign(new Error('request aborted'), { type: 'request.aborted', status: 400 }))).toMatchObject({ status: 400, rule: 'request-aborted' });
    expect(problemOf(Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR', errno: -3 }))).toMatchObject({ status: 400, rule: 'body-encoding-invalid' });
  });

  it('keeps unexpected failures a 500 that reveals nothing', () => {
    const problem = problemOf(new TypeError('secret internals'));
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('secret');
  });
});
