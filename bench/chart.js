// A self-contained SVG of the run (no library, no network): one panel per measured quantity over
// time, each a set of named line series on linear axes.
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#17becf', '#7f7f7f'];
const WIDTH = 900;
const PANEL_HEIGHT = 220;
const MARGIN = { left: 70, right: 170, top: 30, bottom: 36 };

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Round upper bound for an axis: 1, 2 or 5 times a power of ten. */
function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value);
}

/** panel: { title, xLabel, yLabel, series: [{ name, points: [[x, y]] }] }, drawn at vertical offset `top`. */
function drawPanel(panel, top) {
  const w = WIDTH - MARGIN.left - MARGIN.right;
  const h = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const all = panel.series.flatMap((s) => s.points);
  const xMax = niceMax(Math.max(1, ...all.map((p) => p[0])));
  const yMax = niceMax(Math.max(0, ...all.map((p) => p[1])));
  const x = (v) => MARGIN.left + (v / xMax) * w;
  const y = (v) => top + MARGIN.top + h - (v / yMax) * h;
  const parts = [`<text x="${MARGIN.left}" y="${top + 18}" font-weight="bold">${escape(panel.title)}</text>`];
  for (let i = 0; i <= 4; i += 1) {
    const yv = (yMax * i) / 4;
    const xv = (xMax * i) / 4;
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + w}" y1="${y(yv)}" y2="${y(yv)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${y(yv) + 4}" text-anchor="end">${+yv.toPrecision(3)}</text>`,
      `<text x="${x(xv)}" y="${top + MARGIN.top + h + 16}" text-anchor="middle">${+xv.toPrecision(3)}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + w / 2}" y="${top + PANEL_HEIGHT - 4}" text-anchor="middle">${escape(panel.xLabel)}</text>`,
    `<text transform="translate(16 ${top + MARGIN.top + h / 2}) rotate(-90)" text-anchor="middle">${escape(panel.yLabel)}</text>`,
    `<rect x="${MARGIN.left}" y="${top + MARGIN.top}" width="${w}" height="${h}" fill="none" stroke="#999"/>`);
  panel.series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    if (s.points.length > 0) {
      const d = s.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join('');
      parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
    }
    const ly = top + MARGIN.top + 12 + i * 18;
    parts.push(`<line x1="${MARGIN.left + w + 12}" x2="${MARGIN.left + w + 32}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="3"/>`,
      `<text x="${MARGIN.left + w + 38}" y="${ly}">${escape(s.name)}</text>`);
  });
  return parts.join('\n');
}

function renderChart(title, panels) {
  const height = 40 + panels.length * PANEL_HEIGHT;
  const body = panels.map((p, i) => drawPanel(p, 40 + i * PANEL_HEIGHT)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>
${body}
</svg>
`;
}

module.exports = { renderChart, niceMax };
