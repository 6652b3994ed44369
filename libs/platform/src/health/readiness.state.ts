import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

export type Lifecycle = 'starting' | 'ready' | 'draining';

/** Readiness is false while a service starts and while it drains, so no traffic lands on it then. */
@Injectable()
export class ReadinessState implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReadinessState.name);
  private state: Lifecycle = 'starting';
  private readonly drainSteps: Array<() => Promise<void>> = [];

  get current(): Lifecycle {
    return this.state;
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
