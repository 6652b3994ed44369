import { Worker } from 'node:worker_threads';
import { WorkerTimeoutError } from './worker-timeout.error';

interface Job<I, O> {
  id: number;
  input: I;
  resolve: (value: O) => void;
  reject: (err: Error) => void;
}

interface Slot<I, O> {
  worker: Worker;
  /** Handed to the worker and not answered yet, oldest first: the worker answers in order. */
  jobs: Map<number, Job<I, O>>;
  /** Set once the worker says it is ready: loading its gazetteer is no job's time. */
  ready: boolean;
  /** Ends the oldest job, the one the worker is on, if it runs past the pool's deadline. */
  deadline?: NodeJS.Timeout;
}

export interface WorkerPoolOptions {
  jobsPerWorker?: number;
  /**
   * How long a worker may spend on one job, from when it starts on it. Past that the job fails with
   * WorkerTimeoutError and the worker is replaced: a synchronous job cannot be interrupted otherwise,
   * and the jobs queued behind it would wait for it. Undefined: no deadline.
   */
  timeoutMs?: number;
}

/**
 * Articles handed to a worker before it has answered the ones it has. With one at a time the worker
 * idled from each answer until the main thread, busy with Kafka and JSON on two shared cores, got
 * round to the next message: under load the queue formed before the enricher while weather and the
 * indexer kept up (bench/README.md, "Extraction handoff"). A few queued in its port keep it working.
 */
export const JOBS_PER_WORKER = 4;

/**
 * A fixed pool of worker threads, so a 1 MB article keeps one core busy instead of the event loop.
 * Each worker has up to `jobsPerWorker` articles handed over and answers them in order. A worker that
 * dies fails only the job it was on (its oldest); the ones queued behind it go to its replacement.
 * So does a worker that outlives the deadline on a job. A worker that never says it is ready (as a
 * worker started with no `{ ready: true }` message) has no deadline.
 */
export class WorkerPool<I, O> {
  private readonly slots: Slot<I, O>[] = [];
  private readonly queue: Job<I, O>[] = [];
  private nextId = 1;
  private closed = false;
  private readonly jobsPerWorker: number;
  private readonly timeoutMs?: number;

  constructor(
    size: number,
    private readonly spawn: () => Worker,
    options: WorkerPoolOptions = {},
  ) {
    this.jobsPerWorker = options.jobsPerWorker ?? JOBS_PER_WORKER;
    this.timeoutMs = options.timeoutMs;
    for (let i = 0; i < Math.max(1, size); i += 1) this.slots.push(this.start());
  }

  run(input: I): Promise<O> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool is closed'));
    for (const slot of this.slots) clearTimeout(slot.deadline);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private start(): Slot<I, O> {
    const slot: Slot<I, O> = { worker: this.spawn(), jobs: new Map(), ready: false };
    slot.worker.on('message', (msg: { id?: number; result?: O; error?: string; ready?: boolean }) => {
      if (msg.ready === true) {
        slot.ready = true;
        this.arm(slot);
        return;
      }
      const job = msg.id === undefined ? undefined : slot.jobs.get(msg.id);
      if (!job) return;
      slot.jobs.delete(job.id);
      this.arm(slot);
      if (msg.error !== undefined) job.reject(new Error(msg.error));
      else job.resolve(msg.result as O);
      this.dispatch();
    });
    slot.worker.on('error', (err) => this.replace(slot, err));
    slot.worker.on('exit', (code) => {
      if (!this.closed) this.replace(slot, new Error(`extraction worker exited with code ${code}`));
    });
    return slot;
  }

  private replace(slot: Slot<I, O>, err: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    clearTimeout(slot.deadline);
    const [current, ...waiting] = slot.jobs.values();
    current?.reject(err);
    // Never started: they go first, in their order, to whichever worker is free.
    this.queue.unshift(...waiting);
    slot.jobs.clear();
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.slots[index] = this.start();
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.leastBusy();
      if (!slot) return;
      const job = this.queue.shift() as Job<I, O>;
      slot.jobs.set(job.id, job);
      slot.worker.postMessage({ id: job.id, article: job.input });
      if (slot.jobs.size === 1) this.arm(slot);
    }
  }

  /** Starts the deadline of the job the worker is on now (its oldest), if it has one and is ready. */
  private arm(slot: Slot<I, O>): void {
    clearTimeout(slot.deadline);
    slot.deadline = undefined;
    const timeoutMs = this.timeoutMs;
    if (timeoutMs === undefined || !slot.ready || slot.jobs.size === 0) return;
    slot.deadline = setTimeout(() => this.replace(slot, new WorkerTimeoutError(timeoutMs)), timeoutMs);
  }

  /** The worker with the fewest jobs handed over, if one can take another. */
  private leastBusy(): Slot<I, O> | undefined {
    let best: Slot<I, O> | undefined;
    for (const slot of this.slots) {
      if (slot.jobs.size < this.jobsPerWorker && (!best || slot.jobs.size < best.jobs.size)) best = slot;
    }
    return best;
  }
}
