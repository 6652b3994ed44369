import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/service-process';

export interface ScenarioResult {
  scenario: string;
  sent: number;
  accepted: number;
  indexed: number;
  deadLettered: number;
  /** Index documents beyond one per article id, and versions stored more than once. */
  duplicates: number;
  /** The same article id + version more than once on the final topic (allowed: at least once; counted honestly). */
  finalTopicRepeats: number;
  missing: number;
  /** Dead letters that are not injected poison, and index documents no accepted article explains. */
  unexpected: number;
  recoverSeconds: number;
  notes: string;
}

const COLUMNS: Array<[keyof ScenarioResult, string]> = [
  ['scenario', 'scenario'], ['sent', 'sent'], ['accepted', 'accepted'], ['indexed', 'indexed'], ['deadLettered', 'dead-lettered'],
  ['duplicates', 'duplicates'], ['finalTopicRepeats', 'final-topic repeats'], ['missing', 'missing'], ['unexpected', 'unexpected'],
  ['recoverSeconds', 'time to recover (s)'], ['notes', 'notes'],
];

export function markdownTable(rows: ScenarioResult[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(COLUMNS.map(([, title]) => title)), line(COLUMNS.map(() => '---')),
    ...rows.map((row) => line(COLUMNS.map(([key]) => String(row[key]))))].join('\n');
}

/** Writes test-artifacts/fault-report.{json,md} and returns the table for the console. */
export function writeFaultReport(rows: ScenarioResult[], settings: Record<string, unknown>): string {
  const dir = join(REPO_ROOT, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const table = markdownTable(rows);
  writeFileSync(join(dir, 'fault-report.json'), JSON.stringify({ at: new Date().toISOString(), settings, scenarios: rows }, null, 2));
  writeFileSync(join(dir, 'fault-report.md'), `# Fault injection report\n\nSettings: ${JSON.stringify(settings)}\n\n${table}\n`);
  return table;
}
