import { Counter, Gauge, Histogram, register } from 'prom-client';

/**
 * One process-wide registry. Metric constructors are idempotent here because tests create several
 * Nest apps in one process and prom-client refuses a second registration of the same name.
 */
export const metricsRegistry = register;

export function counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
  return (register.getSingleMetric(name) as Counter<L>) ?? new Counter({ name, help, labelNames });
}

export function gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
  return (register.getSingleMetric(name) as Gauge<L>) ?? new Gauge({ name, help, labelNames });
}

export function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
  buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
): Histogram<L> {
  return (register.getSingleMetric(name) as Histogram<L>) ?? new Histogram({ name, help, labelNames, buckets });
}

/** Observations and their sum so far for one labelled series of a histogram (zeros before any). */
export async function histogramTotals(name: string, labels: Record<string, string>): Promise<{ count: number; sum: number }> {
  // A histogram's values carry the series they belong to (`_count`, `_sum`, `_bucket`).
  const values = ((await register.getSingleMetric(name)?.get())?.values ?? []) as Array<{ metricName?: string; labels: Record<string, unknown>; value: number }>;
  const matches = (v: { labels: Record<string, unknown> }) => Object.entries(labels).every(([k, value]) => v.labels[k] === value);
  const of = (suffix: string) => values.find((v) => v.metricName === `${name}_${suffix}` && matches(v))?.value ?? 0;
  return { count: of('count'), sum: of('sum') };
}
