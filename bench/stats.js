// Percentiles and per-second series; nearest-rank percentiles (no interpolation: a p99 is a latency some article really had).

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function latencySummary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? null, mean: Math.round(mean) };
}

/** Events per whole second since `origin` (ms), as [{ s, count }]. */
function perSecond(times, origin) {
  const buckets = new Map();
  for (const t of times) {
    const s = Math.floor((t - origin) / 1000);
    buckets.set(s, (buckets.get(s) ?? 0) + 1);
  }
  const last = Math.max(0, ...buckets.keys());
  return Array.from({ length: last + 1 }, (_, s) => ({ s, count: buckets.get(s) ?? 0 }));
}

/**
 * Sustained rate: articles done between the 10th and the 90th percentile of completion times over
 * that span, so the start-up ramp and the drain tail do not count; plus the plain overall rate.
 */
function throughput(doneTimes, startedAt) {
  const sorted = [...doneTimes].sort((a, b) => a - b);
  const n = sorted.length;
  if (n < 10) return { articles: n, overallPerSecond: null, sustainedPerSecond: null };
  const lo = Math.floor(n * 0.1);
  const hi = Math.floor(n * 0.9);
  const span = (sorted[hi] - sorted[lo]) / 1000;
  return { articles: n, seconds: round((sorted[n - 1] - startedAt) / 1000), overallPerSecond: round(n / ((sorted[n - 1] - startedAt) / 1000)),
    sustainedPerSecond: span > 0 ? round((hi - lo) / span) : null };
}

const round = (v) => Math.round(v * 10) / 10;

module.exports = { percentile, latencySummary, perSecond, throughput };
