import { parseEvent, TOPICS } from '@newsflow/contracts';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { REPO_ROOT, RunningService, ServiceName, startStages, stageEnv, stopService } from '../support/service-process';
import { createSource, submitArticle } from '../support/sources';
import { TopicReader } from '../support/topic-reader';
import { unique } from '../support/unique';
const { seedArticleRequest } = require('../../samples/load-samples');
const { ensureNode, NODE_RELEASES } = require('../../scripts/ensure-node') as { ensureNode: (major: number) => string; NODE_RELEASES: Record<string, string> };

/**
 * The tests run on this machine's Node 20, past its end of life; users run the LTS lines after it.
 * On each pinned release (scripts/ensure-node.js): every unit test, and the four services as
 * processes of that Node carrying the seed article to the final topic. This is how a time zone
 * rule that newer releases know (Morocco's, in tzdata 2026e) and a young generation that Node 24
 * sizes differently (bench/README.md, "Node 22 and 24") were found.
 */
describe.each(Object.keys(NODE_RELEASES).map(Number))('on Node %i', (major) => {
  const version = NODE_RELEASES[major];
  const run = unique(`e2e-node${major}`);
  const services = {} as Record<ServiceName, RunningService>;
  let node: string;
  let reader: TopicReader;
  let weatherProvider: FakeOpenMeteo;
  let apiKey: string;

  beforeAll(async () => {
    node = ensureNode(major);
    weatherProvider = await startFakeOpenMeteo();
    const env = stageEnv(run, weatherProvider.url);
    await startStages(run, env, services, { node });
    reader = await TopicReader.start([TOPICS.articleIndexed]);
    apiKey = await createSource(services.ingest.url, 'sample-wire');
  });

  afterAll(async () => {
    await reader?.stop();
    await Promise.all(Object.values(services).map((s) => stopService(s)));
    await weatherProvider?.close();
  });

  it(`passes every unit test`, () => {
    const output = join(REPO_ROOT, 'test-artifacts', `unit-node${major}.json`);
    mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
    const jest = join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
    const result = spawnSync(node, [jest, '-c', join('tests', 'support', 'jest.unit.config.js'), '--ci', '--silent', '--json', `--outputFile=${output}`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 600_000,
    });
    const summary = JSON.parse(readFileSync(output, 'utf8')) as { numPassedTests: number; numFailedTests: number; testResults: Array<{ name: string; status: string; message: string }> };
    const failures = summary.testResults.filter((r) => r.status !== 'passed').map((r) => `${r.name}\n${r.message}`);
    expect(failures).toEqual([]);
    expect(result.status).toBe(0);
    expect(summary.numPassedTests).toBeGreaterThan(300);
  }, 660_000);

  it(`runs the services on v${version}`, async () => {
    for (const service of Object.values(services)) {
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      expect(metrics).toMatch(new RegExp(`nodejs_version_info\\{[^}]*version="v${version.replace(/\./g, '\\.')}"`));
    }
  });

  it('carries the seed article through every stage, with its entities, place and weather', async () => {
    const request = { ...seedArticleRequest(), sourceItemId: `seed-${run}`, publishedAt: new Date().toISOString() };
    const id = await submitArticle(services.ingest.url, apiKey, request);
    const message = await reader.waitForMessage((m) => m.key === id, `article ${id} on ${TOPICS.articleIndexed}`);
    const { enrichment, weather } = parseEvent(TOPICS.articleIndexed, JSON.parse(message.value ?? 'null')).payload;
    const names = enrichment.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['INTERPOL', 'Ahmed Naser Al-Raisi', 'Marrakech', 'Morocco']));
    expect(enrichment.primaryLocation).toMatchObject({ name: 'Marrakech', countryCode: 'MA' });
    expect(weather).toMatchObject({ status: 'attached', location: { name: 'Marrakech' } });
    // Published now: today's (generated) conditions at Marrakech, not the fixture's November 2025 morning.
    expect(weather.current).toMatchObject({ temperature: expect.any(Number), condition: expect.any(String) });
    expect(weather.current?.localTime.slice(0, 10)).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date()));
  });
});
