import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/service-process';
import { runScript } from '../support/run-script';

/**
 * `npm run bench:storage` with a few hundred articles on its own FerretDB: it completes, stores
 * every document it reports, and writes a result whose fields parse. No speed assertion.
 */
const runStorageBench = (args: string[]) => runScript(join('bench', 'storage-floor.js'), args);

describe('npm run bench:storage (smoke)', () => {
  const out = mkdtempSync(join(tmpdir(), 'newsflow-storage-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('refuses a bad flag value, naming it', async () => {
    const { code, output } = await runStorageBench(['--articles', 'many']);
    expect(code).toBe(2);
    expect(output).toContain('--articles must be a positive integer');
  });

  it('stores two documents per article and writes a parseable result', async () => {
    const { code, output } = await runStorageBench(['--articles', '300', '--batch-size', '50', '--mongo-port', '27159',
      '--state-dir', join(REPO_ROOT, '.state', 'bench-storage-smoke'), '--out', out]);
    if (code !== 0) throw new Error(`bench:storage exited with ${code}:\n${output.slice(-4000)}`);
    const file = readdirSync(out).find((f) => f.endsWith('-storage.json'));
    expect(file).toBeDefined();
    const result = JSON.parse(readFileSync(join(out, file as string), 'utf8'));
    expect(result.kind).toBe('storage-floor');
    expect(result.counts).toEqual({ versions: 300, search: 300 });
    expect(result.documentBytes.search).toBeGreaterThan(result.documentBytes.version);
    expect(result.articlesPerSecond).toBeGreaterThan(0);
    expect(result.cpuMsPerArticle.ferretdb).toBeGreaterThan(0);
    expect(result.ceilingArticlesPerSecond).toBeGreaterThan(0);
  });
});
