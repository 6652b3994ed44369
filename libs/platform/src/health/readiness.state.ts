import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

export type Lifecycle = 'starting' | 'ready' | 'draining';

/** Readiness is false while a service starts and while it drains, so no traffic lands on it then. */
@Injectable()
export class ReadinessState implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReadinessState.name);
  private state: Lifecycle = 'starting';
  private readonly drainSteps: Array<() => Promise<void>> = [];
  /** Work still under way that the service needs before it takes traffic. */
  private readonly pending = new Set<string>();

  /** Ready only once every hold has been released, even after markReady. */
  get current(): Lifecycle {
    return this.state === 'ready' && this.pending.size > 0 ? 'starting' : this.state;
  }

  /** What a starting service still waits for (e.g. `search index`). */
  get waitingFor(): string[] {
    return [...this.pending];
  }

  /**
   * Keeps readiness false until `done` settles, for work a service does after it listens: the
   * indexer loads its search index in the background so liveness answers (and no startup probe
   * kills it) however large the corpus.
   */
  holdUntil(what: string, done: Promise<unknown>): void {
    this.pending.add(what);
    void done.finally(() => this.pending.delete(what)).catch(() => undefined);
  }

  markReady(): void {
    if (this.state === 'starting') this.state = 'ready';
  }

  markDraining(): void {
    this.state = 'draining';
  }

  /**
   * Work to finish while HTTP still answers: Nest closes the HTTP listener before the Kafka consumer,
   * so without this a draining stage refuses connections instead of reporting `draining` (503).
   */
  onDrain(step: () => Promise<void>): void {
    this.drainSteps.push(step);
  }

  /** Nest calls this on SIGTERM before closing the HTTP server and the consumers. */
  async beforeApplicationShutdown(): Promise<void> {
    this.markDraining();
    for (const step of this.drainSteps) {
      await step().catch((error: unknown) => this.logger.error({ msg: 'drain step failed', error: String(error) }));
    }
  }
}
