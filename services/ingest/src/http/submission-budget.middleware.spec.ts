import { ArgumentsHost } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ProblemDetailsFilter } from './problem-details.filter';
import { submissionBudget } from './submission-budget.middleware';

describe('submissionBudget', () => {
  let server: Server;
  let url: string;
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  let handled = 0;

  beforeAll(async () => {
    const app = express();
    // A budget of 10 KB, bodies of at most 8 KB; the handler holds each request until the test releases it.
    app.post('/v1/articles', submissionBudget(10_000, 8_000), express.raw({ type: () => true, limit: 8_000 }), async (_req, res) => {
      await gate;
      handled += 1;
      res.status(202).json({ ok: true });
    });
    // Errors are answered by ingest's own problem+json filter, as Nest does for its middleware.
    app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) =>
      new ProblemDetailsFilter().catch(error, { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/articles`;
  });
  afterAll(async () => new Promise((resolve) => server.close(resolve)));

  const hold = () => { gate = new Promise<void>((resolve) => { release = resolve; }); };
  const post = (bytes: number) => fetch(url, { method: 'POST', body: 'x'.repeat(bytes), headers: { 'content-type': 'application/json' } });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('answers 503 with Retry-After and a problem once the bytes in progress would pass the budget, and takes submissions again when they finish', async () => {
    hold();
    handled = 0;
    const held = [post(4_000), post(4_000)];
    await settle();
    const refused = await post(4_000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await refused.json()) as { rule: string; detail: string };
    expect(problem.rule).toBe('busy');
    expect(problem.detail).toContain('2 submissions');
    // A small one still fits beside the two.
    const small = post(1_000);
    release();
    expect((await Promise.all([...held, small])).map((r) => r.status)).toEqual([202, 202, 202]);
    expect(handled).toBe(3);
    expect((await post(4_000)).status).toBe(202);
  });

  it('always lets one submission in, however large, and counts a body of unknown length as the largest', async () => {
    hold();
    const large = post(8_000);
    await settle();
    // Streamed without a length: counted as 8,000 bytes, past the budget beside the one in progress.
    const unknown = await fetch(url, { method: 'POST', body: new Blob(['x']).stream(), duplex: 'half' } as RequestInit);
    expect(unknown.status).toBe(503);
    release();
    expect((await large).status).toBe(202);
  });
});
