import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, REPO_ROOT, RunningService, ServiceName } from './service-process';
import { waitFor } from './wait-for';

export interface RunningConsole {
  url: string;
  process: ChildProcess;
}

/** The console as its own process (built dist/), pointed at a test's four services, scraping every second; `env` on top. */
export async function startConsole(services: Record<ServiceName, RunningService>, env: Record<string, string> = {}): Promise<RunningConsole> {
  const port = await freePort();
  const logDir = join(REPO_ROOT, 'test-artifacts', 'logs');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `console-${port}.log`));
  const child = spawn(process.execPath, [join(REPO_ROOT, 'services', 'console', 'dist', 'main.js')], {
    env: {
      ...process.env, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', CONSOLE_SAMPLE_INTERVAL_MS: '1000',
      INGEST_URL: services.ingest.url, ENRICHER_URL: services.enricher.url, WEATHER_URL: services.weather.url, INDEXER_URL: services.indexer.url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`console exited with ${child.exitCode}`);
    return (await fetch(`${url}/health/ready`).catch(() => undefined))?.ok;
  }, { timeoutMs: 60_000, intervalMs: 300, what: 'the console to become ready' });
  return { url, process: child };
}

export async function stopConsole(running: RunningConsole | undefined): Promise<void> {
  if (!running || running.process.exitCode !== null || running.process.signalCode !== null) return;
  const exited = new Promise((resolve) => running.process.once('exit', resolve));
  running.process.kill('SIGTERM');
  await exited;
}
