import { ArticleEnrichedPayload } from '@newsflow/contracts';
import { makeArticle } from '@newsflow/contracts/testing';
import type { EventPublisher } from '@newsflow/messaging';
import { metricsRegistry } from '@newsflow/platform';
import Redis from 'ioredis';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WeatherBackfillService } from '../../services/weather/src/backfill/weather-backfill.service';
import { loadWeatherConfig } from '../../services/weather/src/config/weather.config';
import type { AttachWeatherService } from '../../services/weather/src/forecast/attach-weather.service';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { REPO_ROOT, RunningService, SERVICES, startService, stopService } from '../support/service-process';
import { mongoUriWithDatabase, requireEnv, unique } from '../support/unique';

interface Rule {
  alert?: string;
  expr?: unknown;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const RULES_FILE = join(REPO_ROOT, 'docs', 'alerts', 'newsflow-rules.yml');
const RUNBOOK = join(REPO_ROOT, 'docs', 'runbook.md');

/** Series Prometheus writes itself for every scrape target; no service exports them. */
const WRITTEN_BY_PROMETHEUS = new Set(['up']);
const PROMQL_WORDS = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'inf', 'nan']);
const HISTOGRAM_SUFFIX = /_(bucket|sum|count)$/;

/**
 * The metric names a PromQL expression reads: string literals, label matchers, groupings and range
 * selectors are removed, then every identifier not called as a function and not a keyword is one.
 */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const name = match[0];
    const following = stripped.slice((match.index ?? 0) + name.length).trimStart();
    // A letter glued to a number is part of it: the exponent of 1.5e9, the unit of `offset 5m`.
    const gluedToNumber = /[0-9.]/.test(stripped[(match.index ?? 0) - 1] ?? '');
    if (gluedToNumber || following.startsWith('(') || PROMQL_WORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names];
}

describe('suggested alert rules (docs/alerts/newsflow-rules.yml)', () => {
  const document = parse(readFileSync(RULES_FILE, 'utf8')) as { groups?: Array<{ name?: string; rules?: Rule[] }> };
  const rules = (document.groups ?? []).flatMap((group) => group.rules ?? []);

  it('is a well-formed Prometheus rule file: every alert has an expression, a severity, a summary and a runbook section', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
    const runbook = readFileSync(RUNBOOK, 'utf8').toLowerCase();
    const names = new Set<string>();
    for (const rule of rules) {
      expect(rule.alert).toMatch(/^Newsflow[A-Za-z]+$/);
      expect(names.has(rule.alert as string)).toBe(false);
      names.add(rule.alert as string);
      expect(typeof rule.expr).toBe('string');
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smhd]$/);
      expect(['page', 'ticket', 'info']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary).toBeTruthy();
      expect(rule.annotations?.runbook).toBe(`docs/runbook.md#${(rule.alert as string).toLowerCase()}`);
      // The anchor exists: the runbook has a heading named after the alert.
      expect(runbook).toContain(`### ${(rule.alert as string).toLowerCase()}`);
    }
  });

  it('reads metric names out of PromQL', () => {
    expect(metricNamesIn('histogram_quantile(0.95, sum by (le) (rate(a_seconds_bucket{stage="x",y=~"(a|b)"}[10m]))) > 1.5e9 and on(service) b_total offset 5m'))
      .toEqual(['a_seconds_bucket', 'b_total']);
  });

  describe('NewsflowWeatherBackfillBacklog, against the weather backfill queue in real Redis', () => {
    const rule = rules.find((r) => r.alert === 'NewsflowWeatherBackfillBacklog');
    const form = /^max\((\w+)\)\s*>\s*(\d+)$/.exec(String(rule?.expr).trim());
    let redis: Redis;

    beforeEach(() => {
      redis = new Redis(requireEnv('REDIS_URL'), { keyPrefix: `${unique('it-alerts-backfill')}:`, maxRetriesPerRequest: 2 });
    });

    afterEach(async () => {
      await redis.quit();
    });

    /** Whether the rule's `max(metric) > threshold` holds after one backfill round over the queued articles. */
    async function fires(queue: (backfill: WeatherBackfillService) => Promise<void>): Promise<boolean> {
      if (!form) throw new Error(`NewsflowWeatherBackfillBacklog reads "${String(rule?.expr)}", not max(<gauge>) > <threshold>: update this test`);
      const config = loadWeatherConfig({ KAFKA_GROUP_ID: unique('it-alerts-backfill') });
      // Nothing is due in the round below, so no weather is looked up and nothing is published.
      const backfill = new WeatherBackfillService(redis, {} as AttachWeatherService, {} as EventPublisher, config);
      await queue(backfill);
      await backfill.tick(Date.now());
      const values = (await metricsRegistry.getSingleMetric(form[1])?.get())?.values.map((v) => v.value) ?? [];
      return Math.max(...values) > Number(form[2]);
    }

    const payloads = (count: number, embargoedUntil?: string) =>
      Array.from({ length: count }, () => ({ article: makeArticle({ publishedAt: new Date().toISOString(), embargoedUntil }) }) as ArticleEnrichedPayload);

    it('stays quiet with many embargoed stories waiting for their release', async () => {
      const release = Date.now() + 2 * 86_400_000;
      const count = Number(form?.[2] ?? 100) + 20;
      expect(await fires(async (backfill) => {
        for (const payload of payloads(count, new Date(release).toISOString())) await backfill.remember(payload, { correlationId: 'c' }, release);
      })).toBe(false);
      expect((await metricsRegistry.getSingleMetric('newsflow_weather_release_refresh_pending')?.get())?.values[0]?.value).toBe(count);
    });

    it('fires with more articles waiting for weather the provider failed to give than its threshold', async () => {
      const count = Number(form?.[2] ?? 100) + 1;
      expect(await fires(async (backfill) => {
        for (const payload of payloads(count)) await backfill.remember(payload, { correlationId: 'c' });
      })).toBe(true);
    });
  });

  describe('against the running services', () => {
    const run = unique('it-alerts');
    const services: RunningService[] = [];
    let weatherProvider: FakeOpenMeteo;
    const exported = new Map<string, string>();

    beforeAll(async () => {
      weatherProvider = await startFakeOpenMeteo();
      const env = { MONGODB_URI: mongoUriWithDatabase(run.replace(/-/g, '_')), OPEN_METEO_BASE_URL: weatherProvider.url, OPEN_METEO_ARCHIVE_BASE_URL: weatherProvider.url };
      const started = await Promise.allSettled(SERVICES.map((name) => startService(name, { ...env, KAFKA_GROUP_ID: `${run}-${name}` })));
      for (const result of started) if (result.status === 'fulfilled') services.push(result.value);
      const failed = started.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length > 0) throw new Error(failed.map((f) => String(f.reason)).join('\n'));
      for (const service of services) {
        const text = await (await fetch(`${service.url}/metrics`)).text();
        // A labelled metric has no sample until first used, but its TYPE line is there from start-up.
        for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) exported.set(name, type);
      }
    });

    afterAll(async () => {
      await Promise.all(services.map((s) => stopService(s)));
      await weatherProvider?.close();
    });

    it('references only metrics the services export', () => {
      expect(exported.size).toBeGreaterThan(20);
      const missing: string[] = [];
      const referenced = new Set(rules.flatMap((rule) => metricNamesIn(String(rule.expr))));
      expect(referenced.size).toBeGreaterThanOrEqual(15);
      for (const rule of rules) {
        for (const name of metricNamesIn(String(rule.expr))) {
          if (WRITTEN_BY_PROMETHEUS.has(name) || exported.has(name)) continue;
          const base = name.replace(HISTOGRAM_SUFFIX, '');
          if (base !== name && exported.get(base) === 'histogram') continue;
          missing.push(`${rule.alert}: ${name}`);
        }
      }
      expect(missing).toEqual([]);
    });
  });
});
