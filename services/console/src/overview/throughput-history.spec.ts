import { counterRate, StageTotals } from './stage-totals';
import { ThroughputHistory } from './throughput-history';

const totals = (produced: number, lag = 0): StageTotals => ({ produced, consumed: produced, deadLettered: 0, parked: 0, failed: 0, lag });

describe('counterRate', () => {
  it('is the increase per second, and treats a decrease as a restart from zero', () => {
    expect(counterRate(10, 30, 4)).toBe(5);
    expect(counterRate(500, 8, 2)).toBe(4);
    expect(counterRate(1, 2, 0)).toBe(0);
  });
});

describe('ThroughputHistory', () => {
  it('derives per-interval throughput and keeps lag, with gaps where a stage did not answer', () => {
    const history = new ThroughputHistory(60_000);
    history.add({ at: 1_000, stages: { enricher: totals(0, 3) } });
    history.add({ at: 3_000, stages: { enricher: totals(10, 1) } });
    history.add({ at: 5_000, stages: {} });
    history.add({ at: 7_000, stages: { enricher: totals(12, 0) } });
    const series = history.series();
    expect(series.t).toEqual([1, 3, 5, 7]);
    expect(series.throughput.enricher).toEqual([null, 5, null, null]);
    expect(series.lag.enricher).toEqual([3, 1, null, 0]);
    expect(series.throughput.ingest).toEqual([null, null, null, null]);
    expect(history.peak('enricher')).toBe(5);
  });

  it('averages the rate over a window and survives a restart inside it', () => {
    const history = new ThroughputHistory(60_000);
    history.add({ at: 0, stages: { indexer: totals(100) } });
    history.add({ at: 10_000, stages: { indexer: totals(120) } });
    history.add({ at: 20_000, stages: { indexer: totals(10) } });
    expect(history.rate('indexer', 30_000)).toBeCloseTo(30 / 20);
    expect(history.rate('indexer', 10_000)).toBeCloseTo(1);
    expect(history.rate('weather', 30_000)).toBeNull();
  });

  it('forgets scrapes older than its horizon', () => {
    const history = new ThroughputHistory(10_000);
    for (let at = 0; at <= 30_000; at += 5_000) history.add({ at, stages: { ingest: totals(at / 1000) } });
    expect(history.series().t).toEqual([20, 25, 30]);
  });
});
