import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningService, stageEnv, startService, stopService } from '../support/service-process';
import { unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

const { runtimeEnv } = require('../../tools/service-runtime') as { runtimeEnv: (service: string) => Record<string, string> };

/**
 * Signals an operator sends a running service (a real weather process on the shared servers): with
 * Node's `--heapsnapshot-signal=SIGUSR2`, SIGUSR2 writes one heap snapshot and the service carries
 * on; SIGINT and SIGHUP drain and stop it as SIGTERM does (graceful-shutdown.spec.ts). Until
 * 2026-12-07 Nest listened to every signal, so SIGUSR2 wrote two snapshots and shut the service down.
 */
describe('operator signals (weather, real process)', () => {
  const run = unique('signals');
  const env = { ...stageEnv(run, 'http://127.0.0.1:9'), KAFKA_GROUP_ID: `${run}-weather` };
  const services: RunningService[] = [];
  const snapshots = mkdtempSync(join(tmpdir(), 'newsflow-snapshots-'));
  const written = () => readdirSync(snapshots).filter((f) => f.endsWith('.heapsnapshot'));

  afterAll(async () => {
    await Promise.all(services.map((s) => stopService(s)));
    rmSync(snapshots, { recursive: true, force: true });
  });

  it('writes one heap snapshot on SIGUSR2 and stays ready', async () => {
    const nodeOptions = `${runtimeEnv('weather').NODE_OPTIONS} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshots}`;
    const weather = await startService('weather', { ...env, NODE_OPTIONS: nodeOptions });
    services.push(weather);

    weather.process.kill('SIGUSR2');
    // Node writes the snapshot synchronously, so once the service answers again the file is complete.
    await waitFor(() => written().length > 0, { timeoutMs: 60_000, what: 'a heap snapshot' });
    // The process is blocked while it writes; on a loaded machine that outlasts the HTTP header
    // timeout, and a probe sent meanwhile is reset. Once it answers again it must stay ready: a
    // service that took SIGUSR2 for a shutdown signal turns unready at once and then exits.
    const answers = () => fetch(`${weather.url}/health/ready`).then((r) => r.status === 200 || undefined, () => undefined);
    await waitFor(answers, { timeoutMs: 60_000, intervalMs: 300, what: 'the service to answer after writing its snapshot' });
    for (let probe = 0; probe < 10; probe++) {
      const ready = await fetch(`${weather.url}/health/ready`).then((r) => r.status, (e: Error & { cause?: { code?: string; message?: string } }) => `failed: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
      expect(ready).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(weather.process.exitCode).toBeNull();
    expect(weather.process.signalCode).toBeNull();
    expect(written()).toHaveLength(1);
    const snapshot = JSON.parse(readFileSync(join(snapshots, written()[0]), 'utf8')) as { snapshot: { node_count: number } };
    expect(snapshot.snapshot.node_count).toBeGreaterThan(100_000);
  }, 180_000);

  it.each(['SIGINT', 'SIGHUP'] as const)('drains and stops on %s', async (signal) => {
    const weather = await startService('weather', env);
    services.push(weather);
    const exited = new Promise<string>((resolve) => weather.process.once('exit', (code, by) => resolve(by ? `signal ${by}` : `exit ${code}`)));
    weather.process.kill(signal);
    // Nest re-raises the signal once its shutdown hooks are done; the SHUTDOWN_TIMEOUT_MS guard would exit 1.
    expect(await exited).toBe(`signal ${signal}`);
  }, 180_000);
});
