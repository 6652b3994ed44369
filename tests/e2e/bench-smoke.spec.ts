import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/service-process';
import { runScript } from '../support/run-script';

/**
 * `npm run bench` end to end with a few hundred articles: it must complete and write a result
 * whose fields parse and hold plausible values. Never a speed assertion: the numbers depend on the
 * machine and its other load. It uses its own ports and state directory (not those of a manual
 * `npm run bench`), and the services the test run already built.
 */
const SMOKE_ENV = {
  BENCH_STATE_DIR: join(REPO_ROOT, '.state', 'bench-smoke'),
  BENCH_KAFKA_PORT: '29492',
  BENCH_KAFKA_CONTROLLER_PORT: '29493',
  BENCH_MONGO_PORT: '27149',
  BENCH_REDIS_PORT: '6419',
  BENCH_SERVICE_PORT_BASE: '18180',
};
const ARTICLES = 200;
const RATE = 20;
const LATENCY_SECONDS = 5;
const SWEEP_RATE = 10;
const WARM_UP = 20;

const runBench = (args: string[]) => runScript(join('bench', 'run.js'), args, { ...SMOKE_ENV, CI: 'true' });

describe('npm run bench (smoke)', () => {
  const out = mkdtempSync(join(tmpdir(), 'newsflow-bench-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('refuses a bad flag, naming it, before starting anything', async () => {
    const { code, output } = await runBench(['--rate', 'fast']);
    expect(code).toBe(2);
    expect(output).toContain('--rate must be an integer');
  });

  it('runs the pipeline and the relay baseline and writes a parseable result and chart', async () => {
    const { code, output } = await runBench(['--articles', String(ARTICLES), '--rate', String(RATE), '--latency-seconds', String(LATENCY_SECONDS),
      '--sweep-rates', String(SWEEP_RATE), '--warm-up', String(WARM_UP), '--skip-build', '--out', out]);
    if (code !== 0) throw new Error(`bench exited with ${code}:\n${output.slice(-4000)}`);
    const files = readdirSync(out);
    const json = files.find((f) => f.endsWith('-http.json'));
    expect(json).toBeDefined();
    const result = JSON.parse(readFileSync(join(out, json as string), 'utf8'));

    expect(result.schema).toBe('newsflow-bench/1');
    expect(result.options).toEqual(expect.objectContaining({ mode: 'http', articles: ARTICLES, warmUp: WARM_UP, rate: RATE, seed: 42 }));
    // The warm-up ran before anything measured, on a corpus of its own, and all of it was indexed.
    expect(result.warmUp).toEqual(expect.objectContaining({ articles: WARM_UP, gaveUp: 0 }));
    expect(result.warmUp.seconds).toBeGreaterThan(0);
    expect(result.corpus.articles).toBe(ARTICLES);
    expect(result.corpus.minBytes).toBeGreaterThanOrEqual(2000);
    expect(result.corpus.maxBytes).toBeLessThanOrEqual(6500);
    expect(result.machine.atStart.loadAverage.one).toEqual(expect.any(Number));
    // The machine's speed alongside (bench/speed-canary.js), and the phase's CPU per article in its units.
    const { speed } = result.machine;
    expect(speed.latencyUnitMs).toBeGreaterThan(0);
    const latencyCpuMs = Object.values({ ...result.services, ...result.infrastructure } as Record<string, { latencyCpuMsPerArticle: number }>)
      .reduce((sum, p) => sum + p.latencyCpuMsPerArticle, 0);
    expect(speed.latencyCpuPerArticleInUnits).toBeCloseTo(latencyCpuMs / speed.latencyUnitMs, 1);

    // Every article of the backlog was accepted and seen fully indexed; the rates are positive.
    expect(result.throughput.articles).toBe(ARTICLES);
    expect(result.throughput.sustainedPerSecond).toBeGreaterThan(0);
    expect(result.baseline.articles).toBe(ARTICLES);
    expect(result.baseline.sustainedPerSecond).toBeGreaterThan(0);
    expect(result.throughput.ratioToBaseline).toBeCloseTo(result.throughput.sustainedPerSecond / result.baseline.sustainedPerSecond, 2);

    // The fixed-rate phase offered roughly the asked rate, and its latencies are ordered and positive.
    expect(result.latency.articles).toBeGreaterThan(0);
    expect(result.latency.offeredPerSecond).toBeGreaterThan(RATE * 0.5);
    expect(result.latency.submittedToIndexedMs.count).toBe(result.latency.articles);
    const { p50, p95, p99 } = result.latency.submittedToIndexedMs;
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThanOrEqual(p95);
    expect(p95).toBeLessThanOrEqual(p99);
    // How long the load generator's own event loop was held up: time it, not the pipeline, added.
    const loop = result.latency.loadGeneratorLoopDelayMs;
    expect(loop.p50).toBeGreaterThan(0);
    expect(loop.p50).toBeLessThanOrEqual(loop.p99);
    expect(loop.p99).toBeLessThanOrEqual(loop.max);

    // The swept rate ran as a phase of its own, all its articles indexed, and says whether it met the p99 target.
    expect(result.sweep.rates).toHaveLength(1);
    const [swept] = result.sweep.rates;
    expect(swept).toEqual(expect.objectContaining({ targetPerSecond: SWEEP_RATE, articles: SWEEP_RATE * LATENCY_SECONDS }));
    expect(swept.p50).toBeLessThanOrEqual(swept.p95);
    expect(swept.p95).toBeLessThanOrEqual(swept.p99);
    expect(swept.cpuMsPerArticle).toBeGreaterThan(0);
    expect(Object.keys(swept.cpuMsPerArticleByProcess)).toEqual(expect.arrayContaining(['ingest', 'enricher', 'weather', 'indexer', 'kafka', 'ferretdb']));
    // A p99 counts for a rate only if the bench managed to offer that rate.
    expect(swept.rateReached).toBe(swept.offeredPerSecond >= 0.95 * SWEEP_RATE);
    expect(swept.refused).toBe(0);
    expect(swept.metP99).toBe(swept.p99 <= 500 && swept.rateReached);
    const p99Target = result.targets.p99AtRate;
    expect(p99Target).toEqual(expect.objectContaining({ measured: p99, atRate: RATE, offeredPerSecond: result.latency.offeredPerSecond }));
    expect(p99Target.rateReached).toBe(result.latency.offeredPerSecond >= 0.95 * RATE);
    // Every request of the phase was accepted, and one that was not would void the p99.
    expect(p99Target.refused).toBe(0);
    expect(p99Target.met).toBe(p99 <= 500 && p99Target.rateReached);
    expect(result.sweep.highestRateMeetingP99).toBe(p99Target.met ? RATE : swept.metP99 ? SWEEP_RATE : null);

    for (const service of ['ingest', 'enricher', 'weather', 'indexer']) {
      expect(result.services[service].cpuSeconds).toBeGreaterThan(0);
      // Both phases are inside the run, so neither can have used more CPU than the whole run did.
      expect(result.services[service].latencyCpuSeconds).toBeGreaterThan(0);
      expect(result.services[service].latencyCpuSeconds + result.services[service].backlogCpuSeconds).toBeLessThanOrEqual(result.services[service].cpuSeconds + 0.5);
      expect(result.services[service].latencyCpuMsPerArticle).toBeGreaterThan(0);
      expect(result.services[service].peakRssMb).toBeGreaterThan(20);
      expect(result.services[service].peakRssMb).toBeLessThan(4096);
    }
    expect(Object.keys(result.infrastructure).sort()).toEqual(['fake-weather', 'ferretdb', 'kafka', 'redis']);
    // The load generator shares the cores: its own CPU is reported, apart from the pipeline's and not in the sweep's total.
    expect(result.loadGenerator.latencyCpuMsPerArticle).toBeGreaterThan(0);
    const pipelineMs = Object.entries(swept.cpuMsPerArticleByProcess as Record<string, number>).filter(([name]) => name !== 'load-generator').reduce((sum, [, ms]) => sum + ms, 0);
    expect(swept.cpuMsPerArticle).toBeCloseTo(pipelineMs, 0);
    expect(result.lag.series.length).toBeGreaterThan(0);
    // CPU per second: every sampled process in each row, none using more cores than the machine has, and the
    // machine at least as busy as the four services together.
    const cpuRows = result.series.cpuCoresPerSecond as Record<string, number>[];
    expect(cpuRows.length).toBeGreaterThan(5);
    for (const row of cpuRows) {
      for (const name of ['machine', 'ingest', 'enricher', 'weather', 'indexer', 'kafka', 'ferretdb', 'redis', 'load-generator']) {
        expect(row[name]).toBeGreaterThanOrEqual(0);
        expect(row[name]).toBeLessThanOrEqual(result.machine.atStart.cpus + 0.05);
      }
    }
    // The phases in order on the same clock: the backlog from 0, the fixed-rate phase after it, the sweep's after that.
    const marks = result.series.phaseMarksSeconds as Record<string, number>;
    const order = ['backlog-start', 'backlog-end', 'latency-start', 'latency-end', `sweep-${SWEEP_RATE}-start`, `sweep-${SWEEP_RATE}-end`].map((name) => marks[name]);
    expect(order[0]).toBeCloseTo(0, 0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(cpuRows[cpuRows.length - 1].s).toBeGreaterThanOrEqual(marks[`sweep-${SWEEP_RATE}-end`] - 1);
    const services = (row: Record<string, number>) => row.ingest + row.enricher + row.weather + row.indexer;
    expect(cpuRows.reduce((sum, row) => sum + row.machine, 0)).toBeGreaterThanOrEqual(cpuRows.reduce((sum, row) => sum + services(row), 0) * 0.95);
    for (const target of Object.values(result.targets) as { met: boolean; measured: number }[]) expect(typeof target.met).toBe('boolean');

    const svg = readFileSync(join(out, result.chart), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('relay (4 hops)');
    expect(svg).toContain('CPU (cores) by process');
    expect(svg.match(/<path /g)?.length).toBeGreaterThanOrEqual(4);
  });
});
