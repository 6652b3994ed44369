import { ArgumentsHost } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { connect, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { ProblemDetailsFilter } from './problem-details.filter';
import { SubmissionIntakeLimits, submissionBudget } from './submission-budget.middleware';

/**
 * A budget of 10 KB, half of it per source, bodies of at most 8 KB. The handler holds each request
 * until the test releases it; `x-source` stands in for SourceAuthMiddleware.
 */
function intake(overrides: Partial<SubmissionIntakeLimits> = {}) {
  const limits: SubmissionIntakeLimits = { budgetBytes: 10_000, sourceShare: 0.5, maxBodyBytes: 8_000, minBytesPerSecond: 1_000, stallWindowMs: 60_000,
    largeBodyBytes: 8_000, largeAtOnce: 2, ...overrides };
  const state = { server: undefined as unknown as Server, url: '', gate: Promise.resolve(), release: () => undefined as void, handled: [] as number[], running: 0, mostRunning: 0 };
  const app = express();
  app.post('/v1/articles', (req: Request & { source?: { _id: string } }, _res, next) => {
    req.source = { _id: String(req.headers['x-source'] ?? 'desk1') };
    next();
  }, ...submissionBudget(limits), async (req, res) => {
    state.running += 1;
    state.mostRunning = Math.max(state.mostRunning, state.running);
    await state.gate;
    state.running -= 1;
    state.handled.push((req.body as Buffer).length);
    res.status(202).json({ bytes: (req.body as Buffer).length });
  });
  // Errors are answered by ingest's own problem+json filter, as Nest does for its middleware.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) =>
    new ProblemDetailsFilter().catch(error, { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost));
  const sockets: Socket[] = [];
  return {
    state,
    async start() {
      state.server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => state.server.once('listening', resolve));
      state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/v1/articles`;
    },
    async stop() {
      sockets.forEach((s) => s.destroy());
      state.server.closeAllConnections();
      await new Promise((resolve) => state.server.close(resolve));
    },
    hold() {
      state.gate = new Promise<void>((resolve) => { state.release = resolve; });
    },
    post(body: string | Buffer, headers: Record<string, string> = {}) {
      return fetch(state.url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    },
    /** Sends the headers and `first` of a body, and the rest only when told. */
    async trickle(headers: string, first: Buffer | string) {
      const { port } = state.server.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      await new Promise((resolve) => socket.once('connect', resolve));
      let answer = '';
      socket.on('data', (chunk) => { answer += chunk; });
      socket.on('error', () => undefined);
      socket.write(`POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${headers}\r\n`);
      socket.write(first);
      return { socket, answer: () => answer, closed: new Promise((resolve) => socket.once('close', resolve)) };
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const answered = async (upload: { answer: () => string }) => {
  for (let i = 0; i < 200 && !upload.answer().includes('\r\n\r\n'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  return upload.answer();
};

describe('submissionBudget', () => {
  describe('the instance budget', () => {
    const it_ = intake();
    beforeAll(() => it_.start());
    afterAll(() => it_.stop());

    it('answers 503 with Retry-After and a problem once the bytes in progress would pass the budget, and takes submissions again when they finish', async () => {
      it_.hold();
      const held = [it_.post('x'.repeat(4_000)), it_.post('x'.repeat(4_000), { 'x-source': 'desk2' })];
      await settle();
      const refused = await it_.post('x'.repeat(4_000), { 'x-source': 'desk3' });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await refused.json()) as { rule: string; detail: string };
      expect(problem.rule).toBe('busy');
      expect(problem.detail).toContain('2 submissions');
      // A small one still fits beside the two.
      const small = it_.post('x'.repeat(1_000), { 'x-source': 'desk3' });
      it_.state.release();
      expect((await Promise.all([...held, small])).map((r) => r.status)).toEqual([202, 202, 202]);
      expect((await it_.post('x'.repeat(4_000))).status).toBe(202);
    });

    it('always lets one submission in, however large', async () => {
      it_.hold();
      const large = it_.post('x'.repeat(8_000));
      await settle();
      expect((await it_.post('x'.repeat(4_000), { 'x-source': 'desk2' })).status).toBe(503);
      it_.state.release();
      expect((await large).status).toBe(202);
    });

    it('refuses a body past the largest allowed with 413, also once inflated', async () => {
      expect((await it_.post('x'.repeat(8_001))).status).toBe(413);
      const bomb = await it_.post(gzipSync('x'.repeat(50_000)), { 'content-encoding': 'gzip' });
      expect(bomb.status).toBe(413);
      expect(await bomb.json()).toMatchObject({ rule: 'body-too-large' });
      expect((await it_.post('x', { 'content-encoding': 'compress' })).status).toBe(415);
      expect((await it_.post(Buffer.from('not gzip'), { 'content-encoding': 'gzip' })).status).toBe(400);
    });
  });

  describe('a source\'s share', () => {
    const it_ = intake();
    beforeAll(() => it_.start());
    afterAll(() => it_.stop());

    it('sheds only the submissions of the source that holds its share; other sources still go in', async () => {
      it_.hold();
      const flood = [it_.post('x'.repeat(2_500), { 'x-source': 'flood' }), it_.post('x'.repeat(2_500), { 'x-source': 'flood' })];
      await settle();
      // 5,000 bytes is the flood's share: its next is refused although the instance has room.
      const more = await it_.post('x'.repeat(1_000), { 'x-source': 'flood' });
      expect(more.status).toBe(503);
      expect(await more.json()).toMatchObject({ rule: 'busy', detail: expect.stringContaining('source flood already has 2 submissions') });
      const other = it_.post('x'.repeat(4_000), { 'x-source': 'desk' });
      it_.state.release();
      expect((await Promise.all([...flood, other])).map((r) => r.status)).toEqual([202, 202, 202]);
    });
  });

  describe('a compressed or chunked body', () => {
    const it_ = intake();
    beforeAll(() => it_.start());
    afterAll(() => it_.stop());

    it('is charged what it inflates to as it arrives, not the largest body it could be', async () => {
      const compressed = gzipSync(JSON.stringify({ headline: 'small', body: 'a small story' }));
      // Held open after one byte: the old budget counted it as 8,000 bytes, leaving room for nothing beside it.
      const gzip = await it_.trickle(`X-Source: gz\r\nContent-Encoding: gzip\r\nContent-Length: ${compressed.length}\r\n`, compressed.subarray(0, 1));
      await settle();
      it_.hold();
      const beside = [it_.post('x'.repeat(4_000)), it_.post('x'.repeat(4_000), { 'x-source': 'desk2' })];
      await settle();
      gzip.socket.write(compressed.subarray(1));
      it_.state.release();
      expect((await Promise.all(beside)).map((r) => r.status)).toEqual([202, 202]);
      expect(await answered(gzip)).toMatch(/^HTTP\/1\.1 202[\s\S]*"bytes":4\d\b/);
    });

    it('is refused 503 busy when what it inflates to passes the budget beside others', async () => {
      it_.hold();
      const held = it_.post('x'.repeat(7_000), { 'x-source': 'desk2' });
      await settle();
      const grown = await it_.post(gzipSync('y'.repeat(7_000)), { 'content-encoding': 'gzip' });
      expect(grown.status).toBe(503);
      expect(await grown.json()).toMatchObject({ rule: 'busy' });
      it_.state.release();
      expect((await held).status).toBe(202);
    });
  });

  describe('a slow upload', () => {
    // 1,000 bytes a second over 300 ms windows: at least 300 bytes in each.
    const it_ = intake({ stallWindowMs: 300 });
    beforeAll(() => it_.start());
    afterAll(() => it_.stop());

    it('is cut off with 408 and a problem once a window passes with too little of its body, and its bytes are free again', async () => {
      const slow = await it_.trickle('X-Source: slow\r\nContent-Length: 5000\r\n', '{');
      const answer = await answered(slow);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(answer).toMatch(/connection: close/i);
      expect(answer).toContain('"rule":"upload-too-slow"');
      await slow.closed;
      // Its 5,000 bytes were given back: 8,000 fit again beside nothing.
      expect((await it_.post('x'.repeat(8_000), { 'x-source': 'slow' })).status).toBe(202);
    });

    it('lets an upload through that keeps arriving fast enough, however long it takes', async () => {
      const steady = await it_.trickle('X-Source: steady\r\nContent-Length: 4000\r\n', 'x'.repeat(1_000));
      for (let sent = 1_000; sent < 4_000; sent += 1_000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        steady.socket.write('x'.repeat(1_000));
      }
      expect(await answered(steady)).toMatch(/^HTTP\/1\.1 202/);
    });
  });

  describe('a submission its headers already refuse', () => {
    // No stall cut-off within the test: only an answer from the headers can arrive in time.
    const it_ = intake();
    beforeAll(() => it_.start());
    afterAll(() => it_.stop());

    it('is answered 413 or 415 at once with the connection closed, and holds none of the budget while its body never comes', async () => {
      const silent = await Promise.all([
        ...[0, 1, 2].map(() => it_.trickle('X-Source: flood\r\nContent-Length: 9000\r\n', '')),
        it_.trickle('X-Source: flood\r\nContent-Encoding: zstd\r\nContent-Length: 5000\r\n', ''),
      ]);
      const answers = await Promise.all(silent.map(answered));
      expect(answers.map((a) => /^HTTP\/1\.1 (\d+)/.exec(a)?.[1])).toEqual(['413', '413', '413', '415']);
      for (const answer of answers) expect(answer).toMatch(/connection: close/i);
      expect(answers[0]).toContain('"rule":"body-too-large"');
      expect(answers[3]).toContain('"rule":"unsupported-encoding"');
      await Promise.all(silent.map((upload) => upload.closed));
      // Held at 8,000 bytes each, they left no room for this; now it goes in beside them.
      expect((await it_.post('x'.repeat(8_000), { 'x-source': 'desk' })).status).toBe(202);
    });
  });

  describe('a body that fails partway', () => {
    // At least 300 bytes in each 300 ms window, also while the rest of a failed body is read off.
    const it_ = intake({ stallWindowMs: 300 });
    beforeAll(() => it_.start());
    afterAll(() => it_.stop());

    it('is answered 413 as soon as it inflates past the limit, gives its bytes back, and is dropped once the rest stops coming', async () => {
      const bomb = gzipSync('x'.repeat(50_000));
      // Declares 1,000 bytes more than it sends, so its body never ends.
      const upload = await it_.trickle(`X-Source: bomb\r\nContent-Encoding: gzip\r\nContent-Length: ${bomb.length + 1_000}\r\n`, bomb);
      const answer = await answered(upload);
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(answer).toContain('"rule":"body-too-large"');
      expect((await it_.post('x'.repeat(8_000), { 'x-source': 'desk' })).status).toBe(202);
      await upload.closed;
    });

    it('is answered 503 busy as soon as it grows past the budget, not when its body ends', async () => {
      it_.hold();
      const held = it_.post('x'.repeat(7_000), { 'x-source': 'desk2' });
      await settle();
      const grown = gzipSync('y'.repeat(7_000));
      const upload = await it_.trickle(`X-Source: grows\r\nContent-Encoding: gzip\r\nContent-Length: ${grown.length + 1_000}\r\n`, grown);
      const answer = await answered(upload);
      expect(answer).toMatch(/^HTTP\/1\.1 503/);
      expect(answer).toContain('"rule":"busy"');
      it_.state.release();
      expect((await held).status).toBe(202);
      await upload.closed;
    });

    it('keeps the connection when the rest of the body does come', async () => {
      const bomb = gzipSync('x'.repeat(50_000));
      const upload = await it_.trickle(`X-Source: bomb\r\nContent-Encoding: gzip\r\nContent-Length: ${bomb.length + 100}\r\n`, bomb);
      expect(await answered(upload)).toMatch(/^HTTP\/1\.1 413/);
      upload.socket.write(Buffer.alloc(100));
      upload.socket.write('POST /v1/articles HTTP/1.1\r\nHost: x\r\nX-Source: bomb\r\nContent-Length: 2\r\n\r\n{}');
      for (let i = 0; i < 200 && !/HTTP\/1\.1 202/.test(upload.answer()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(upload.answer()).toMatch(/HTTP\/1\.1 202/);
    });
  });

  describe('large bodies', () => {
    const it_ = intake({ largeBodyBytes: 2_000, largeAtOnce: 1, budgetBytes: 100_000 });
    beforeAll(() => it_.start());
    afterAll(() => it_.stop());

    it('are handled one at a time (largeAtOnce), all of them in the end; small ones go past the queue', async () => {
      it_.hold();
      const large = [0, 1, 2].map((i) => it_.post('x'.repeat(3_000), { 'x-source': `desk${i}` }));
      await settle();
      expect(it_.state.running).toBe(1);
      const small = it_.post('x'.repeat(100));
      await settle();
      expect(it_.state.running).toBe(2);
      it_.state.release();
      expect((await Promise.all([...large, small])).map((r) => r.status)).toEqual([202, 202, 202, 202]);
      expect(it_.state.mostRunning).toBe(2);
    });
  });
});
