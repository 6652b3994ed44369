/**
 * The signals that drain and stop a service: what Kubernetes and Docker send, Ctrl-C, and a closed
 * terminal. Not Nest's default of every signal it knows: operators take heap snapshots with
 * `--heapsnapshot-signal=SIGUSR2` (Node's documented example), and with Nest listening to SIGUSR2 a
 * service wrote two snapshots and shut down. Signals of a crash (SIGSEGV, SIGABRT, …) have nothing to drain.
 */
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/** Nest drains on a shutdown signal; this bounds the drain so a stuck dependency cannot block the exit forever. */
export function boundShutdown(timeoutMs: number): void {
  for (const signal of SHUTDOWN_SIGNALS) process.once(signal, () => setTimeout(() => process.exit(1), timeoutMs).unref());
}
