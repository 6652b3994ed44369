// The run's chart: throughput of the pipeline and the relay, latency at the fixed rate, lag, and CPU by process.
const { renderChart } = require('./chart');

/** Lines of the CPU panel: the four services, the two servers that cost most, the rest together, and the machine. */
const CPU_LINES = [['ingest', ['ingest']], ['enricher', ['enricher']], ['weather', ['weather']], ['indexer', ['indexer']], ['kafka', ['kafka']],
  ['ferretdb', ['ferretdb']], ['redis, fake weather, bench', ['redis', 'fake-weather', 'load-generator']], ['machine', ['machine']]];

function renderRunChart(r) {
  const perSecond = (counts) => counts.map((c, s) => [s, c]);
  const groups = Object.keys(r.lag.series[0] ?? {}).filter((k) => k !== 's');
  return renderChart(`newsflow bench ${r.startedAt} · ${r.options.mode} · ${r.options.articles} articles · load ${r.machine.atStart.loadAverage.one}`, [
    { title: 'Throughput: articles fully indexed per second (backlog) vs. relay baseline', xLabel: 'seconds since the phase started', yLabel: 'per second',
      series: [{ name: 'pipeline', points: perSecond(r.series.backlogIndexedPerSecond) }, { name: 'relay (4 hops)', points: perSecond(r.series.baselineRelayedPerSecond) }] },
    { title: `Latency, submitted → indexed, at ${r.latency.offeredPerSecond}/s offered`, xLabel: 'seconds since the phase started', yLabel: 'ms',
      series: [{ name: 'p50', points: r.series.latencyPerSecond.map((b) => [b.s, b.p50]) }, { name: 'p99', points: r.series.latencyPerSecond.map((b) => [b.s, b.p99]) }] },
    { title: 'Consumer lag (messages) by group', xLabel: 'seconds since the backlog started', yLabel: 'messages',
      series: groups.map((g) => ({ name: g.replace('newsflow-', ''), points: r.lag.series.map((s) => [s.s, s[g] ?? 0]) })) },
    { title: 'CPU (cores) by process; machine = all of it, whoever used it', xLabel: 'seconds since the backlog started', yLabel: 'cores',
      series: CPU_LINES.map(([name, processes]) => ({ name, points: (r.series.cpuCoresPerSecond ?? []).map((row) => [row.s, processes.reduce((sum, p) => sum + (row[p] ?? 0), 0)]) })) },
  ]);
}

module.exports = { renderRunChart };
