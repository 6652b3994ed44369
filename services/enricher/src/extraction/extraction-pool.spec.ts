import { Worker } from 'node:worker_threads';
import { WorkerPool } from './extraction-pool';
import { WorkerTimeoutError } from './worker-timeout.error';

// A stand-in worker (plain JS, eval'd) so the pool's mechanics are tested without a build.
const ECHO = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, article }) => {
  if (article === 'crash') process.exit(3);
  if (article === 'fail') return parentPort.postMessage({ id, error: 'bad article' });
  parentPort.postMessage({ id, result: article.toUpperCase() });
});`;

describe('WorkerPool', () => {
  let pool: WorkerPool<string, string>;
  beforeEach(() => (pool = new WorkerPool<string, string>(2, () => new Worker(ECHO, { eval: true }))));
  afterEach(() => pool.close());

  it('runs jobs on workers and queues the rest', async () => {
    const out = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((s) => pool.run(s)));
    expect(out).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('rejects a failing job and survives a crashing worker', async () => {
    await expect(pool.run('fail')).rejects.toThrow('bad article');
    await expect(pool.run('crash')).rejects.toThrow(/exited with code 3/);
    await expect(pool.run('after')).resolves.toBe('AFTER');
  });

  it('hands each worker its next jobs before it has answered the first', async () => {
    const one = new WorkerPool<string, string>(1, () => new Worker(ECHO, { eval: true }), { jobsPerWorker: 3 });
    const posted = jest.spyOn(Worker.prototype, 'postMessage');
    try {
      const answers = ['a', 'b', 'c', 'd'].map((s) => one.run(s));
      // Three handed over at once, the fourth waits for an answer.
      expect(posted).toHaveBeenCalledTimes(3);
      await expect(Promise.all(answers)).resolves.toEqual(['A', 'B', 'C', 'D']);
      expect(posted).toHaveBeenCalledTimes(4);
    } finally {
      posted.mockRestore();
      await one.close();
    }
  });

  it('fails only the job a crashing worker was on; the ones handed to it behind that go to its replacement', async () => {
    const one = new WorkerPool<string, string>(1, () => new Worker(ECHO, { eval: true }), { jobsPerWorker: 4 });
    try {
      const [crash, x, y] = ['crash', 'x', 'y'].map((s) => one.run(s));
      await expect(crash).rejects.toThrow(/exited with code 3/);
      await expect(Promise.all([x, y])).resolves.toEqual(['X', 'Y']);
    } finally {
      await one.close();
    }
  });
});

// Says it is ready after `startMs` (as the real worker does once its gazetteer is built), then
// answers in order: 'hang' never returns, 'sleep:<ms>' takes that long, anything else is echoed.
const READY_AFTER = (startMs: number) => `
const { parentPort } = require('node:worker_threads');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
sleep(${startMs});
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, article }) => {
  if (article === 'hang') for (;;);
  if (article.startsWith('sleep:')) sleep(Number(article.slice(6)));
  parentPort.postMessage({ id, result: article.toUpperCase() });
});`;

describe('WorkerPool deadline', () => {
  const pools: WorkerPool<string, string>[] = [];
  const poolOf = (options: { timeoutMs: number; jobsPerWorker?: number }, startMs = 0, spawned = { count: 0 }) => {
    const pool = new WorkerPool<string, string>(1, () => {
      spawned.count += 1;
      return new Worker(READY_AFTER(startMs), { eval: true });
    }, options);
    pools.push(pool);
    return pool;
  };
  afterEach(() => Promise.all(pools.splice(0).map((p) => p.close())));

  it('fails a job that outlives the deadline, replaces its worker, and runs the jobs queued behind it there', async () => {
    const spawned = { count: 0 };
    const pool = poolOf({ timeoutMs: 300, jobsPerWorker: 4 }, 0, spawned);
    const [hang, x, y] = ['hang', 'x', 'y'].map((s) => pool.run(s));
    const error = await hang.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerTimeoutError);
    expect(error).toMatchObject({ code: 'WORKER_POOL.JOB_TIMEOUT', timeoutMs: 300, retriable: false });
    await expect(Promise.all([x, y])).resolves.toEqual(['X', 'Y']);
    await expect(pool.run('next')).resolves.toBe('NEXT');
    expect(spawned.count).toBe(2);
  });

  it('times each job from when the worker starts on it, not from when it was handed over', async () => {
    const pool = poolOf({ timeoutMs: 400, jobsPerWorker: 4 });
    // Eight jobs of 100 ms, four handed over at once: the last finishes 800 ms after the first started.
    const jobs = Array.from({ length: 8 }, (_, i) => `sleep:${100 + i}`);
    await expect(Promise.all(jobs.map((s) => pool.run(s)))).resolves.toEqual(jobs.map((s) => s.toUpperCase()));
  });

  it('does not count a worker\'s start-up (its gazetteer load) against the first job', async () => {
    const pool = poolOf({ timeoutMs: 200 }, 600);
    await expect(pool.run('first')).resolves.toBe('FIRST');
  });
});
