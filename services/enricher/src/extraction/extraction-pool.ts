import { Worker } from 'node:worker_threads';

interface Job<I, O> {
  id: number;
  input: I;
  resolve: (value: O) => void;
  reject: (err: Error) => void;
}

interface Slot<I, O> {
  worker: Worker;
  job?: Job<I, O>;
}

/**
 * A fixed pool of worker threads, one job per worker at a time, so a 1 MB article keeps one
 * core busy instead of the event loop. A worker that dies fails only its own job and is replaced.
 */
export class WorkerPool<I, O> {
  private readonly slots: Slot<I, O>[] = [];
  private readonly queue: Job<I, O>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(size: number, private readonly spawn: () => Worker) {
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
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private start(): Slot<I, O> {
    const slot: Slot<I, O> = { worker: this.spawn() };
    slot.worker.on('message', (msg: { id?: number; result?: O; error?: string }) => {
      const job = slot.job;
      if (!job || msg.id !== job.id) return;
      slot.job = undefined;
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
    slot.job?.reject(err);
    slot.job = undefined;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.slots[index] = this.start();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, article: job.input });
    }
  }
}
