import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { BodyReadFailure, readSubmissionBody } from './read-submission-body';

const limits = { maxBodyBytes: 1_000, minBytesPerSecond: 100, stallWindowMs: 1_000 };

/** A request body the test writes by hand; `socket.destroy` records that the connection was dropped. */
function request(headers: Record<string, string> = {}) {
  const body = new PassThrough();
  const socket = { destroy: jest.fn() };
  return { body, socket, req: Object.assign(body, { headers, complete: false, socket }) as unknown as IncomingMessage };
}

/** The promise's outcome once pending I/O callbacks have run, or 'pending' if it has none yet. */
async function outcomeOf(promise: Promise<unknown>) {
  let outcome: unknown = 'pending';
  promise.then(() => { outcome = 'resolved'; }, (failure: unknown) => { outcome = failure; });
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return outcome;
}

describe('readSubmissionBody', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('refuses a declared length past the limit at once, without waiting for a body, and asks for the connection to be closed', async () => {
    const { req } = request({ 'content-length': '1001' });
    const failure = await outcomeOf(readSubmissionBody(req, limits, () => undefined));
    expect(failure).toBeInstanceOf(BodyReadFailure);
    expect(failure).toMatchObject({ closeConnection: true, error: { status: 413, limit: 1_000 } });
  });

  it('refuses an encoding it cannot decode at once, with the connection closed', async () => {
    const { req } = request({ 'content-encoding': 'zstd', 'content-length': '10' });
    expect(await outcomeOf(readSubmissionBody(req, limits, () => undefined))).toMatchObject({ closeConnection: true, error: { status: 415, encoding: 'zstd' } });
  });

  it('rejects the moment a body of unknown length passes the limit, not when it ends', async () => {
    const { body, req } = request();
    const read = readSubmissionBody(req, limits, () => undefined);
    body.write(Buffer.alloc(1_001));
    expect(await outcomeOf(read)).toMatchObject({ closeConnection: false, error: { status: 413 } });
  });

  it('rejects the moment its charge is refused, with what onProgress threw', async () => {
    const { body, req } = request();
    const busy = new Error('busy');
    const read = readSubmissionBody(req, limits, (bytes) => {
      if (bytes > 500) throw busy;
    });
    body.write(Buffer.alloc(600));
    expect(await outcomeOf(read)).toMatchObject({ error: busy });
  });

  it('reads off the rest of a failed body while it keeps coming, and drops the connection once it stalls', async () => {
    const { body, socket, req } = request();
    const read = readSubmissionBody(req, limits, () => undefined);
    body.write(Buffer.alloc(1_001));
    await outcomeOf(read);
    body.write(Buffer.alloc(200));
    await outcomeOf(read);
    jest.advanceTimersByTime(1_000);
    expect(socket.destroy).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1_000);
    expect(socket.destroy).toHaveBeenCalled();
  });

  it('drops the connection once more than the largest body has been read off after a failure', async () => {
    const { body, socket, req } = request();
    const read = readSubmissionBody(req, limits, () => undefined);
    body.write(Buffer.alloc(1_001));
    await outcomeOf(read);
    body.write(Buffer.alloc(1_000));
    await outcomeOf(read);
    expect(socket.destroy).not.toHaveBeenCalled();
    body.write(Buffer.alloc(1));
    await outcomeOf(read);
    expect(socket.destroy).toHaveBeenCalled();
  });

  it('keeps the connection of a failed body whose rest arrives in full', async () => {
    const { body, socket, req } = request();
    const read = readSubmissionBody(req, limits, () => undefined);
    body.write(Buffer.alloc(1_001));
    body.end(Buffer.alloc(500));
    await outcomeOf(read);
    jest.advanceTimersByTime(5_000);
    expect(socket.destroy).not.toHaveBeenCalled();
  });
});
