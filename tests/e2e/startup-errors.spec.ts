import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, REPO_ROOT, stageEnv } from '../support/service-process';
import { unique } from '../support/unique';
const { runtimeEnv } = require('../../tools/service-runtime') as { runtimeEnv: (service: string) => Record<string, string> };

/** Runs a built service until it exits; its exit code and the JSON lines it wrote. */
async function runUntilExit(name: string, env: Record<string, string>): Promise<{ code: number | null; lines: Array<Record<string, unknown>> }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'services', name, 'dist', 'main.js')], {
    env: { ...process.env, ...runtimeEnv(name), ...env, HTTP_PORT: String(await freePort()), HTTP_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines = output.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
  return { code, lines };
}

/**
 * A store out of reach at start: the service exits 1 with one fatal line that names the store and
 * the variable pointing at it (it used to exit from inside Nest with "Connection is closed.").
 */
describe('a service whose store is out of reach at start', () => {
  const env = stageEnv(unique('e2e-startup'), 'http://127.0.0.1:9');

  it('names Redis and REDIS_URL', async () => {
    const { code, lines } = await runUntilExit('ingest', { ...env, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    expect(code).toBe(1);
    expect(lines.filter((l) => l.level === 'fatal').map((l) => l.msg)).toEqual([expect.stringMatching(/^cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ \(REDIS_URL\)/)]);
  });

  it('names MongoDB and MONGODB_URI, without its credentials', async () => {
    const { code, lines } = await runUntilExit('ingest', { ...env, MONGODB_URI: `mongodb://user:secret@127.0.0.1:${await freePort()}/newsflow` });
    expect(code).toBe(1);
    const fatal = lines.filter((l) => l.level === 'fatal').map((l) => String(l.msg));
    expect(fatal).toEqual([expect.stringMatching(/^cannot reach MongoDB at mongodb:\/\/127\.0\.0\.1:\d+\/newsflow \(MONGODB_URI\)/)]);
    expect(fatal[0]).not.toContain('secret');
  });
});

describe('a service given a release name it cannot carry', () => {
  it('exits 1 with one fatal line naming NEWSFLOW_RELEASE', async () => {
    const { code, lines } = await runUntilExit('weather', { ...stageEnv(unique('e2e-release'), 'http://127.0.0.1:9'), NEWSFLOW_RELEASE: 'v1.2 with spaces' });
    expect(code).toBe(1);
    expect(lines.filter((l) => l.level === 'fatal').map((l) => l.msg)).toEqual([expect.stringContaining('NEWSFLOW_RELEASE must be')]);
  });
});
