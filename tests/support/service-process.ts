import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ADMIN_API_KEY } from './sources';
import { mongoUriWithDatabase } from './unique';
import { waitFor } from './wait-for';

export const REPO_ROOT = join(__dirname, '..', '..');
const { runtimeEnv } = require('../../tools/service-runtime') as { runtimeEnv: (service: string) => Record<string, string> };
export const SERVICES = ['ingest', 'enricher', 'weather', 'indexer'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface RunningService {
  name: ServiceName;
  url: string;
  process: ChildProcess;
  logFile: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a built service (`services/<name>/dist/main.js`) as its own process, logging to
 * test-artifacts/; on the Node running the tests unless `node` names another binary; on `port`
 * when given (a restart as the same instance: the indexer's follow group is named by its port).
 */
export async function startService(name: ServiceName, env: Record<string, string>, options: { node?: string; port?: number } = {}): Promise<RunningService> {
  const port = options.port ?? (await freePort());
  const logDir = join(REPO_ROOT, 'test-artifacts', 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}-${port}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(options.node ?? process.execPath, [join(REPO_ROOT, 'services', name, 'dist', 'main.js')], {
    // Each test's groups start at the end of the shared topics: earlier runs' backlog is not theirs to
    // work through (readiness waits for the group join, so nothing published after it is missed).
    // The same heap settings as a deployment, so a test's load would show a limit that is too tight.
    env: { ...process.env, ...runtimeEnv(name), KAFKA_FROM_BEGINNING: 'false', ...env, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // A test run that dies must not leave services behind holding its stdout open.
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
      const response = await fetch(`${url}/health/ready`).catch(() => undefined);
      return response?.ok ? true : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 500, what: `${name} to become ready (log: ${logFile})` },
  ).catch((error) => {
    child.kill('SIGKILL');
    throw error;
  });
  return { name, url, process: child, logFile };
}

/**
 * What every stage of one test run is started with: a database of the run's own (the run id with
 * underscores), ingest's admin key, and the fake Open-Meteo at `weatherUrl`; `extra` on top.
 */
export function stageEnv(run: string, weatherUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { MONGODB_URI: mongoUriWithDatabase(run.replace(/-/g, '_')), ADMIN_API_KEY, OPEN_METEO_BASE_URL: weatherUrl, OPEN_METEO_ARCHIVE_BASE_URL: weatherUrl, ...extra };
}

/**
 * Starts the four stages for one test run, each in its own consumer group `<run>-<name>`. Every
 * stage that did start is in `into` even when another failed, so the caller's afterAll stops it.
 */
export async function startStages(
  run: string,
  env: Record<string, string>,
  into: Partial<Record<ServiceName, RunningService>>,
  options: { node?: string } = {},
): Promise<Record<ServiceName, RunningService>> {
  const started = await Promise.allSettled(SERVICES.map((name) => startService(name, { ...env, KAFKA_GROUP_ID: `${run}-${name}` }, options)));
  for (const result of started) if (result.status === 'fulfilled') into[result.value.name] = result.value;
  const failed = started.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length > 0) throw new Error(failed.map((f) => String(f.reason)).join('\n'));
  return into as Record<ServiceName, RunningService>;
}

/**
 * SIGTERM and wait for the exit. Nest re-raises SIGTERM after its shutdown hooks ran, so a graceful
 * stop ends by that signal; `SIGKILL` here means the drain did not finish in time.
 */
export async function stopService(service: RunningService, timeoutMs = 30_000): Promise<string> {
  const describe = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `signal ${signal}` : `exit ${code}`);
  if (service.process.exitCode !== null || service.process.signalCode !== null) {
    return describe(service.process.exitCode, service.process.signalCode);
  }
  const exited = new Promise<string>((resolve) => service.process.once('exit', (code, signal) => resolve(describe(code, signal))));
  service.process.kill('SIGTERM');
  const timer = setTimeout(() => service.process.kill('SIGKILL'), timeoutMs);
  const how = await exited;
  clearTimeout(timer);
  return how;
}
