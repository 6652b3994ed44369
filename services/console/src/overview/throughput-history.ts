import { PIPELINE_STAGES, PipelineStage } from '@newsflow/contracts';
import { counterRate, StageTotals } from './stage-totals';

export interface HistoryPoint {
  /** Epoch milliseconds of the scrape. */
  at: number;
  /** A stage whose /metrics did not answer is missing, and shows as a gap in the charts. */
  stages: Partial<Record<PipelineStage, StageTotals>>;
}

/** Columnar series in the layout uPlot draws: one x array (epoch seconds) and one y array per stage. */
export interface ChartSeries {
  t: number[];
  throughput: Record<PipelineStage, Array<number | null>>;
  lag: Record<PipelineStage, Array<number | null>>;
}

const perStage = <T>(make: () => T) => Object.fromEntries(PIPELINE_STAGES.map((s) => [s, make()])) as Record<PipelineStage, T>;

/**
 * The scrapes of the last `maxAgeMs`, kept in the console so the charts have history as soon as
 * a page opens; throughput is derived from consecutive counter values, never stored.
 */
export class ThroughputHistory {
  private readonly points: HistoryPoint[] = [];

  constructor(private readonly maxAgeMs: number) {}

  add(point: HistoryPoint): void {
    this.points.push(point);
    const oldest = point.at - this.maxAgeMs;
    while (this.points.length > 0 && this.points[0].at < oldest) this.points.shift();
  }

  latest(): HistoryPoint | undefined {
    return this.points.at(-1);
  }

  /** Produced events per second over the last `windowMs` (between the oldest and newest scrape in it that the stage answered). */
  rate(stage: PipelineStage, windowMs: number): number | null {
    const answered = this.points.filter((p) => p.stages[stage]);
    const last = answered.at(-1);
    if (!last) return null;
    const first = answered.find((p) => p.at >= last.at - windowMs && p !== last);
    if (!first) return null;
    return this.sumOfRates(stage, answered.slice(answered.indexOf(first))) / ((last.at - first.at) / 1000);
  }

  /** The highest produced-per-second rate between two consecutive scrapes in the history. */
  peak(stage: PipelineStage): number {
    return Math.max(0, ...this.series().throughput[stage].map((v) => v ?? 0));
  }

  series(): ChartSeries {
    const series: ChartSeries = { t: [], throughput: perStage(() => []), lag: perStage(() => []) };
    this.points.forEach((point, i) => {
      series.t.push(Math.round(point.at / 1000));
      const before = this.points[i - 1];
      for (const stage of PIPELINE_STAGES) {
        const now = point.stages[stage];
        const prev = before?.stages[stage];
        series.lag[stage].push(now ? now.lag : null);
        series.throughput[stage].push(now && prev ? counterRate(prev.produced, now.produced, (point.at - before.at) / 1000) : null);
      }
    });
    return series;
  }

  /** Events counted across consecutive pairs, so a restart inside the window does not turn into a negative rate. */
  private sumOfRates(stage: PipelineStage, points: HistoryPoint[]): number {
    let events = 0;
    for (let i = 1; i < points.length; i++) {
      const before = points[i - 1].stages[stage];
      const after = points[i].stages[stage];
      const seconds = (points[i].at - points[i - 1].at) / 1000;
      if (before && after) events += counterRate(before.produced, after.produced, seconds) * seconds;
    }
    return events;
  }
}
