import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModuleKind, transpileModule } from 'typescript';
import { setHeapGrowingPercent } from './heap-growth';

/**
 * A stage's load in miniature, in a child process (V8 flags are process-wide): under a 192 MB cap, a
 * stream of batches of which the last 2,000 (~20 MB) are still in flight, so what survives two
 * scavenges keeps reaching the old generation. Prints how many full (mark-compact) collections it took.
 */
const WORKLOAD = `
const { PerformanceObserver, constants } = require('node:perf_hooks');
let major = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++; }).observe({ entryTypes: ['gc'] });
const inflight = [];
let done = 0;
function tick(n) {
  for (let k = 0; k < 200; k++) {
    inflight.push(Array.from({ length: 200 }, (_, i) => ({ k, i, t: \`\${n}-\${i}\` })));
    if (inflight.length > 2000) done += inflight.shift().length;
  }
  if (n < 250) setImmediate(tick, n + 1);
  else setTimeout(() => process.stdout.write(JSON.stringify({ major, done })), 100);
}
tick(0);
`;

// A file, not `node -e`: V8 compiles eval'd code differently, and it collected on another schedule.
function majorCollections(percent: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'heap-growth-'));
  try {
    writeFileSync(join(dir, 'heap-growth.js'), transpileModule(readFileSync(join(__dirname, 'heap-growth.ts'), 'utf8'), { compilerOptions: { module: ModuleKind.CommonJS } }).outputText);
    writeFileSync(join(dir, 'workload.js'), `require('./heap-growth').setHeapGrowingPercent(${percent});\n${WORKLOAD}`);
    // The services' flags (their package.json `nodeOptions`): with Node 24's own young generation,
    // sized from the machine's memory, full collections come as often whatever this sets.
    const out = execFileSync(process.execPath, ['--max-old-space-size=192', '--max-semi-space-size=8', join(dir, 'workload.js')], { encoding: 'utf8', timeout: 60_000 });
    return (JSON.parse(out) as { major: number }).major;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('setHeapGrowingPercent', () => {
  it('spaces full collections out on a capped heap', () => {
    const byDefault = majorCollections(0);
    const grown = majorCollections(200);
    expect(byDefault).toBeGreaterThan(10);
    expect(grown).toBeLessThan(byDefault * 0.6);
  }, 120_000);

  it('rejects a negative or fractional percentage by name', () => {
    expect(() => setHeapGrowingPercent(-1)).toThrow(/heap growing percent/);
    expect(() => setHeapGrowingPercent(1.5)).toThrow(/whole number/);
  });
});
