/** One sample of the Prometheus text exposition format (version 0.0.4). */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function parseValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`not a sample value: ${JSON.stringify(text.slice(0, 40))}`);
  return value;
}

/** Label values escape `\\`, `\"` and `\n`; anything else after a backslash is kept as written. */
function parseLabels(line: string, start: number): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let i = start;
  for (;;) {
    while (line[i] === ' ' || line[i] === ',') i++;
    if (line[i] === '}') return { labels, end: i + 1 };
    const name = LABEL_NAME.exec(line.slice(i))?.[0];
    if (!name) throw new Error(`bad label name at column ${i + 1}`);
    i += name.length;
    while (line[i] === ' ') i++;
    if (line[i] !== '=' || line[i + 1] !== '"') throw new Error(`expected ="value" after label ${name}`);
    i += 2;
    let value = '';
    while (i < line.length && line[i] !== '"') {
      if (line[i] === '\\' && i + 1 < line.length) {
        const next = line[i + 1];
        value += next === 'n' ? '\n' : next === '\\' || next === '"' ? next : `\\${next}`;
        i += 2;
      } else {
        value += line[i++];
      }
    }
    if (line[i] !== '"') throw new Error(`unterminated value of label ${name}`);
    labels[name] = value;
    i++;
  }
}

/**
 * Parses a /metrics answer into samples; comments (`# HELP`, `# TYPE`) are skipped. A malformed line
 * throws with its line number, so a broken exporter is reported rather than half-read.
 */
export function parsePrometheusText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    try {
      const name = NAME.exec(line)?.[0];
      if (!name) throw new Error('no metric name');
      let rest = name.length;
      let labels: Record<string, string> = {};
      if (line[rest] === '{') ({ labels, end: rest } = parseLabels(line, rest + 1));
      const [value] = line.slice(rest).trim().split(/\s+/);
      samples.push({ name, labels, value: parseValue(value ?? '') });
    } catch (error) {
      throw new Error(`metrics line ${index + 1}: ${(error as Error).message}`);
    }
  });
  return samples;
}

/** Sum of the samples named `name` whose labels include every pair of `match`. */
export function sumOf(samples: readonly MetricSample[], name: string, match: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + (Number.isFinite(s.value) ? s.value : 0), 0);
}
