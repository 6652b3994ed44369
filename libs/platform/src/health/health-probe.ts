/** A dependency check for readiness; `check` throws (or rejects) when the dependency is unusable. */
export interface HealthProbe {
  readonly name: string;
  /** A dependency the service works without, degraded: its failure is reported but readiness holds. */
  readonly optional?: boolean;
  check(): Promise<void>;
}

/** Multi-provider token: every module that owns a connection registers a probe for it. */
export const HEALTH_PROBES = Symbol('HEALTH_PROBES');

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
