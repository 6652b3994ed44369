import { Worker } from 'node:worker_threads';
import { WorkerPool } from './extraction-pool';

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
    const one = new WorkerPool<string, string>(1, () => new Worker(ECHO, { eval: true }), 3);
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
    const one = new WorkerPool<string, string>(1, () => new Worker(ECHO, { eval: true }), 4);
    try {
      const [crash, x, y] = ['crash', 'x', 'y'].map((s) => one.run(s));
      await expect(crash).rejects.toThrow(/exited with code 3/);
      await expect(Promise.all([x, y])).resolves.toEqual(['X', 'Y']);
    } finally {
      await one.close();
    }
  });
});
