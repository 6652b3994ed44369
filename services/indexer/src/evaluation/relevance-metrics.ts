/** Share of the first `k` results that are relevant; the denominator is always `k` (missing results count as misses). */
export function precisionAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/** 1 / rank of the first relevant result within the first `k`, or 0 when none is there. */
export function reciprocalRank(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const rank = ranked.slice(0, k).findIndex((id) => relevant.has(id));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : 0;
}
