import type { INestApplication } from '@nestjs/common';

/**
 * The signals that drain and stop a service: what Kubernetes and Docker send, Ctrl-C, and a closed
 * terminal. Not Nest's default of every signal it knows: operators take heap snapshots with
 * `--heapsnapshot-signal=SIGUSR2` (Node's documented example), and with Nest listening to SIGUSR2 a
 * service wrote two snapshots and shut down. Signals of a crash (SIGSEGV, SIGABRT, …) have nothing to drain.
 */
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/**
 * Nest drains the app on a shutdown signal, and only on those; the drain is bounded so a stuck
 * dependency cannot block the exit forever (exit 1 after `timeoutMs`).
 */
export function enableShutdown(app: INestApplication, timeoutMs: number): void {
  app.enableShutdownHooks([...SHUTDOWN_SIGNALS]);
  for (const signal of SHUTDOWN_SIGNALS) process.once(signal, () => setTimeout(() => process.exit(1), timeoutMs).unref());
}
