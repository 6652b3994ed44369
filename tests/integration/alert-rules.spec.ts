import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FakeOpenMeteo, startFakeOpenMeteo } from '../support/fake-open-meteo';
import { REPO_ROOT, RunningService, SERVICES, startService, stopService } from '../support/service-process';
import { mongoUriWithDatabase, unique } from '../support/unique';

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
