// The result document: options, conditions, the measured numbers, and each target met or not.
const fs = require('node:fs');
const path = require('node:path');

const TARGETS = { sustainedPerSecond: 1000, ratioToBaseline: 0.5, p99Ms: 500, peakRssMb: 300 };
/** A p99 counts for a rate only if the bench offered it: below this share of the rate the sender itself was the limit. */
const RATE_REACHED = 0.95;
const rateReached = (phase) => phase.offeredPerSecond >= RATE_REACHED * phase.targetPerSecond;
/** Requests not accepted (ingest's 503 busy, network errors): their latency is in no percentile, so any of them voids the p99. */
const refused = (phase) => Object.entries(phase.answers ?? {}).filter(([status]) => !/^20\d$/.test(status)).reduce((sum, [, n]) => sum + n, 0);
const p99Met = (phase) => phase.submittedToIndexedMs.p99 !== null && phase.submittedToIndexedMs.p99 <= TARGETS.p99Ms && rateReached(phase) && refused(phase) === 0;
const round = (v, d = 1) => (v === null || v === undefined ? null : Number(v.toFixed(d)));

const SERVICES = ['ingest', 'enricher', 'weather', 'indexer'];
/** This process, sampled like the rest: it drives and watches the load on the same cores, so its share is reported apart. */
const LOAD_GENERATOR = 'load-generator';
const isService = (name) => SERVICES.includes(name);
const isInfrastructure = (name) => !isService(name) && name !== LOAD_GENERATOR;
const perArticle = (cpuSeconds, articles, digits = 2) => round((cpuSeconds * 1000) / Math.max(1, articles), digits);

/**
 * Per process: CPU over the run, during the backlog and during the fixed-rate phase (each also per
 * article: one-article requests cost more than batch items), peak RSS; `which` picks the processes by name.
 */
function processTable(sampler, { backlog, latency }, which) {
  const out = {};
  for (const [name, total] of Object.entries(sampler.summary()).filter(([n]) => which(n))) {
    const backlogCpu = backlog.cpu.cpuSeconds[name] ?? 0;
    const latencyCpu = latency.cpu.cpuSeconds[name] ?? 0;
    out[name] = { ...total, backlogCpuSeconds: backlogCpu, cpuMsPerArticle: perArticle(backlogCpu, backlog.articles),
      latencyCpuSeconds: latencyCpu, latencyCpuMsPerArticle: perArticle(latencyCpu, latency.submittedToIndexedMs.count) };
  }
  return out;
}

/**
 * Each swept rate: what was offered, latency, CPU per article of the pipeline's processes (the load
 * generator's own is listed beside them, not counted in); and the highest rate,
 * of the sweep's and the main fixed-rate phase's, that met the p99 target.
 */
function sweepSection(main, sweep) {
  const rows = sweep.map((phase) => {
    const articles = phase.submittedToIndexedMs.count;
    const cpuSeconds = Object.entries(phase.cpu.cpuSeconds).filter(([name]) => name !== LOAD_GENERATOR).reduce((a, [, b]) => a + b, 0);
    const { p50, p95, p99 } = phase.submittedToIndexedMs;
    return { targetPerSecond: phase.targetPerSecond, offeredPerSecond: phase.offeredPerSecond, articles, throttledByInFlightCap: phase.throttledByInFlightCap,
      p50, p95, p99, cpuMsPerArticle: perArticle(cpuSeconds, articles, 1),
      cpuMsPerArticleByProcess: Object.fromEntries(Object.entries(phase.cpu.cpuSeconds).map(([name, seconds]) => [name, perArticle(seconds, articles)])),
      machineBusyShare: phase.cpu.machineBusyShare,
      rateReached: rateReached(phase), refused: refused(phase), metP99: p99Met(phase) };
  });
  const met = rows.filter((r) => r.metP99).map((r) => r.targetPerSecond);
  if (p99Met(main)) met.push(main.targetPerSecond);
  return { rates: rows, highestRateMeetingP99: met.length > 0 ? Math.max(...met) : null };
}

function lagSection(lag, startedAt) {
  return {
    peakDuringBacklog: lag.peak(startedAt.backlog, startedAt.latency),
    peakDuringLatency: lag.peak(startedAt.latency, Infinity),
    series: lag.samples.filter((s) => s.t >= startedAt.backlog).map((s) => ({ s: round((s.t - startedAt.backlog) / 1000), ...s.lag })),
  };
}

/**
 * What one unit of the speed canary's fixed work cost during each phase, and the pipeline's CPU per
 * article in those units: comparable between runs when the machine's speed is not.
 */
function speedSection(canary, sampler, processes) {
  const cpuMs = (key) => Object.values(processes).reduce((total, p) => total + (p[key] ?? 0), 0);
  const at = (mark) => sampler.marks[mark]?.t;
  const backlogUnitMs = canary?.unitMsBetween(at('backlog-start'), at('backlog-end')) ?? null;
  const latencyUnitMs = canary?.unitMsBetween(at('latency-start'), at('latency-end')) ?? null;
  return {
    backlogUnitMs, latencyUnitMs,
    backlogCpuPerArticleInUnits: backlogUnitMs && round(cpuMs('cpuMsPerArticle') / backlogUnitMs, 2),
    latencyCpuPerArticleInUnits: latencyUnitMs && round(cpuMs('latencyCpuMsPerArticle') / latencyUnitMs, 2),
  };
}

function summarise({ options, startedAt, finishedAt, machineAtStart, machineAtEnd, corpus, warmUp, baseline, pipeline, sampler, lag, canary, logDir, root }) {
  const { backlog, latency } = pipeline;
  const services = processTable(sampler, pipeline, isService);
  const infrastructure = processTable(sampler, pipeline, isInfrastructure);
  const ratio = baseline?.sustainedPerSecond ? backlog.sustainedPerSecond / baseline.sustainedPerSecond : null;
  const peakRss = Math.max(...Object.values(services).map((s) => s.peakRssMb));
  const profiles = options.cpuProf && fs.existsSync(logDir) ? fs.readdirSync(logDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.relative(root, path.join(logDir, f))) : [];
  return {
    schema: 'newsflow-bench/1',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    options: { mode: options.mode, articles: options.articles, warmUp: options.warmUp, rate: options.rate, latencySeconds: options.latencySeconds, sweepRates: options.sweepRates, seed: options.seed,
      batchSize: options.batchSize, concurrency: options.concurrency, databases: options.databases },
    machine: { atStart: machineAtStart, atEnd: machineAtEnd,
      busyShareDuringBacklog: backlog.cpu.machineBusyShare, busyShareDuringLatency: latency.cpu.machineBusyShare,
      speed: speedSection(canary, sampler, { ...services, ...infrastructure }) },
    corpus,
    warmUp,
    baseline: baseline && { hops: baseline.hops, cpu: baseline.cpu, articles: baseline.articles, sustainedPerSecond: baseline.sustainedPerSecond,
      overallPerSecond: baseline.overallPerSecond, seconds: baseline.seconds, hopCpuSeconds: baseline.hopCpuSeconds, hopPeakRssMb: baseline.hopPeakRssMb },
    throughput: { articles: backlog.articles, sustainedPerSecond: backlog.sustainedPerSecond, overallPerSecond: backlog.overallPerSecond,
      acceptedPerSecond: backlog.acceptedPerSecond, answers: backlog.answers, gaveUp: backlog.gaveUp, seconds: backlog.seconds, ratioToBaseline: round(ratio, 3) },
    latency: { answers: latency.answers, offeredPerSecond: latency.offeredPerSecond, targetPerSecond: latency.targetPerSecond, articles: latency.submittedToIndexedMs.count,
      throttledByInFlightCap: latency.throttledByInFlightCap, submittedToIndexedMs: latency.submittedToIndexedMs, acceptedToIndexedMs: latency.acceptedToIndexedMs, submitMs: latency.submitMs, stagesMs: latency.stagesMs,
      loadGeneratorLoopDelayMs: latency.loadGeneratorLoopDelayMs },
    ...(pipeline.sweep.length > 0 ? { sweep: sweepSection(pipeline.latency, pipeline.sweep) } : {}),
    services,
    infrastructure,
    loadGenerator: processTable(sampler, pipeline, (name) => name === LOAD_GENERATOR)[LOAD_GENERATOR] ?? null,
    lag: lagSection(lag, { backlog: backlog.startedAt, latency: latency.startedAt }),
    targets: {
      sustainedThroughput: { target: TARGETS.sustainedPerSecond, measured: backlog.sustainedPerSecond, met: backlog.sustainedPerSecond >= TARGETS.sustainedPerSecond },
      ratioToBaseline: { target: TARGETS.ratioToBaseline, measured: round(ratio, 3), met: ratio !== null && ratio >= TARGETS.ratioToBaseline },
      p99AtRate: { target: TARGETS.p99Ms, measured: latency.submittedToIndexedMs.p99, atRate: latency.targetPerSecond, offeredPerSecond: latency.offeredPerSecond,
        rateReached: rateReached(latency), refused: refused(latency), met: p99Met(latency) },
      peakRss: { target: TARGETS.peakRssMb, measured: peakRss, met: peakRss <= TARGETS.peakRssMb },
    },
    series: {
      backlogIndexedPerSecond: backlog.series.map((b) => b.count),
      baselineRelayedPerSecond: baseline ? baseline.series.map((b) => b.count) : [],
      latencyPerSecond: latency.series,
      cpuCoresPerSecond: sampler.cpuPerInterval(backlog.startedAt),
      // Where each phase starts and ends on the same clock as cpuCoresPerSecond and lag.series.
      phaseMarksSeconds: Object.fromEntries(Object.entries(sampler.marks).map(([name, sample]) => [name, round((sample.t - backlog.startedAt) / 1000)])),
    },
    cpuProfiles: profiles,
  };
}

module.exports = { summarise, TARGETS, LOAD_GENERATOR };
