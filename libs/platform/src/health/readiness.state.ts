import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

export type Lifecycle = 'starting' | 'ready' | 'draining';

/** Readiness is false while a service starts and while it drains, so no traffic lands on it then. */
@Injectable()
export class ReadinessState implements BeforeApplicationShutdown {
  private state: Lifecycle = 'starting';

  get current(): Lifecycle {
    return this.state;
  }

  markReady(): void {
    if (this.state === 'starting') this.state = 'ready';
  }

  markDraining(): void {
    this.state = 'draining';
  }

  /** Nest calls this on SIGTERM before closing consumers and the HTTP server. */
  beforeApplicationShutdown(): void {
    this.markDraining();
  }
}
