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
});
