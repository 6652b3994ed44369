import { MetricSample, sumOf } from '../upstream/prometheus-text';

/** One stage's counters at one scrape, summed over topics and partitions. */
export interface StageTotals {
  /** Events the stage published (its output topic; dead letters are counted apart). */
  produced: number;
  /** Events the stage handled successfully. */
  consumed: number;
  /** Messages the stage dead-lettered since it started (a counter, so a restart resets it). */
  deadLettered: number;
  /** Messages on the stage's dead-letter topic now, whenever they were parked (sampled from the broker). */
  parked: number;
  /** Handler failures that were retried (each attempt counts). */
  failed: number;
  /** Messages its consumer group has not committed yet, over every partition it reads. */
  lag: number;
}

export function stageTotalsOf(samples: readonly MetricSample[]): StageTotals {
  return {
    produced: sumOf(samples, 'newsflow_messages_produced_total'),
    consumed: sumOf(samples, 'newsflow_messages_consumed_total'),
    deadLettered: sumOf(samples, 'newsflow_messages_dead_lettered_total'),
    parked: sumOf(samples, 'newsflow_dead_letters_parked'),
    failed: sumOf(samples, 'newsflow_messages_failed_total'),
    lag: sumOf(samples, 'newsflow_consumer_lag'),
  };
}

/**
 * Per-second rate of a counter between two scrapes. A counter that went down means the process
 * restarted and began again at zero, so everything it counted since is new (Prometheus' `rate` does the same).
 */
export function counterRate(before: number, after: number, seconds: number): number {
  if (seconds <= 0) return 0;
  return (after >= before ? after - before : after) / seconds;
}
