import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Each service's V8 heap cap is measured once (services/<name>/package.json `nodeOptions`, see
 * bench/README.md "Memory") and repeated by the deployments. These keep the copies in step: compose
 * runs the measured value, and Helm's is at least that and fits its pod with every isolate full.
 */
const ROOT = join(__dirname, '..', '..');
const { defaultNodeOptions, nodeOptionsFor, runtimeEnv, MALLOC_ENV } = require('../../tools/service-runtime') as {
  defaultNodeOptions: (service: string) => string;
  nodeOptionsFor: (service: string, env?: Record<string, string | undefined>) => string;
  runtimeEnv: (service: string, env?: Record<string, string | undefined>) => Record<string, string>;
  MALLOC_ENV: Record<string, string>;
};
const SERVICES = ['ingest', 'enricher', 'weather', 'indexer'];
/** What a Nest service holds outside its V8 heaps (binary, code, buffers): ~140 MB idle here. */
const OUTSIDE_HEAP_MB = 150;

function heapCapMb(options: string | undefined): number | undefined {
  const match = /--max-old-space-size=(\d+)/.exec(options ?? '');
  return match ? Number(match[1]) : undefined;
}

function mebibytes(quantity: string): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`unexpected memory quantity ${quantity}`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

describe('service heap caps', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string> }>;
  };
  const values = parse(readFileSync(join(ROOT, 'deploy', 'helm', 'newsflow', 'values.yaml'), 'utf8')) as {
    services: Record<string, { env?: Record<string, string>; resources: { limits: { memory: string } } }>;
  };

  it.each(SERVICES)('%s has a measured cap that docker-compose runs as is', (service) => {
    const measured = heapCapMb(defaultNodeOptions(service));
    expect(measured).toBeGreaterThanOrEqual(128);
    expect(compose.services[service].environment?.NODE_OPTIONS).toBe(defaultNodeOptions(service));
  });

  it.each(SERVICES)('%s in Helm: at least the measured cap, and every isolate at its cap fits the memory limit', (service) => {
    const spec = values.services[service];
    const cap = heapCapMb(spec.env?.NODE_OPTIONS);
    expect(cap).toBeGreaterThanOrEqual(heapCapMb(defaultNodeOptions(service)) as number);
    // The enricher's extraction workers are isolates of their own, each under the same flag.
    const isolates = 1 + Number(spec.env?.EXTRACTION_WORKERS ?? 0);
    expect(isolates * (cap as number) + OUTSIDE_HEAP_MB).toBeLessThanOrEqual(mebibytes(spec.resources.limits.memory));
  });

  it.each(SERVICES)("%s pins the young generation wherever it runs, at most as Node 20 sized it: 16 MB semi-spaces", (service) => {
    // Node 24 sizes the young generation from the machine's memory: a 134 MB new space on this
    // 24 GB machine, which took ingest and the enricher past 300 MB (bench/README.md, "Node 22 and 24").
    // All take 8: the bench's peaks, at no cost in CPU (bench/README.md, "Validation without copies",
    // "Young generations").
    const semiSpace = (options: string | undefined) => /(?:^| )--max-semi-space-size=(\d+)(?: |$)/.exec(options ?? '')?.[1];
    const measured = semiSpace(defaultNodeOptions(service));
    expect(Number(measured)).toBeGreaterThan(0);
    expect(Number(measured)).toBeLessThanOrEqual(16);
    expect(semiSpace(compose.services[service].environment?.NODE_OPTIONS)).toBe(measured);
    expect(semiSpace(values.services[service].env?.NODE_OPTIONS)).toBe(measured);
  });

  it("sets glibc malloc in the image as the repository's own launchers do, and keeps a caller's own setting", () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(Object.keys(MALLOC_ENV).sort()).toEqual(['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_']);
    for (const [name, value] of Object.entries(MALLOC_ENV)) {
      expect(new RegExp(`^ENV .*\\b${name}=(\\d+)`, 'm').exec(dockerfile)?.[1]).toBe(value);
      expect(runtimeEnv('indexer', {})[name]).toBe(value);
    }
    expect(runtimeEnv('indexer', { MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
  });

  it("puts the caller's NODE_OPTIONS after the defaults, so the caller's flags win", () => {
    expect(nodeOptionsFor('indexer', { NODE_OPTIONS: '--max-old-space-size=2048 --enable-source-maps' })).toBe(
      `${defaultNodeOptions('indexer')} --max-old-space-size=2048 --enable-source-maps`,
    );
    expect(nodeOptionsFor('console', {})).toBe('');
  });
});
