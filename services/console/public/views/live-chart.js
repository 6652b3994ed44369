import { STAGES, STAGE_COLORS } from './stage-colors.js';

/** One uPlot line chart with a series per stage; `update` swaps the data without rebuilding it. */
export function createLiveChart(container, { title, unit, data }) {
  const width = () => Math.max(container.clientWidth - 8, 280);
  const options = {
    title,
    width: width(),
    height: 220,
    cursor: { drag: { x: false, y: false } },
    legend: { live: false },
    scales: {
      // At least a minute wide, so the first seconds after start do not zoom into sub-second ticks.
      x: { time: true, range: (_u, min, max) => [Math.min(min, max - 60), max] },
      y: { range: (_u, _min, max) => [0, Math.max(max * 1.15, unit === 'msg/s' ? 0.5 : 5)] },
    },
    axes: [
      { stroke: '#64748b', grid: { stroke: '#eef2f7' }, values: (_u, ticks) => ticks.map((t) => new Date(t * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })) },
      { stroke: '#64748b', grid: { stroke: '#eef2f7' }, size: 50, values: (_u, ticks) => ticks.map((t) => (unit === 'msg/s' ? +t.toFixed(2) : Math.round(t))) },
    ],
    series: [
      {},
      ...STAGES.map((stage) => ({ label: stage, stroke: STAGE_COLORS[stage], width: 2, spanGaps: false, points: { show: false } })),
    ],
  };
  // uPlot's browser build (a classic script in index.html) defines the global.
  const chart = new globalThis.uPlot(options, data, container);
  const onResize = () => chart.setSize({ width: width(), height: 220 });
  window.addEventListener('resize', onResize);
  return {
    update: (next) => chart.setData(next),
    destroy: () => {
      window.removeEventListener('resize', onResize);
      chart.destroy();
    },
  };
}

export function chartData(series, key) {
  return [series.t, ...STAGES.map((stage) => series[key][stage])];
}
