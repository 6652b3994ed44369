import { AppError } from '@newsflow/platform';

/**
 * A job its worker had not answered within the pool's deadline. The worker has been terminated and
 * replaced, so the job will not answer later; not retriable, since the same input would take as long.
 */
export class WorkerTimeoutError extends AppError {
  constructor(readonly timeoutMs: number) {
    super('WORKER_POOL.JOB_TIMEOUT', `the worker had not answered after ${timeoutMs} ms; it was replaced`, { retriable: false });
    this.name = 'WorkerTimeoutError';
  }
}
