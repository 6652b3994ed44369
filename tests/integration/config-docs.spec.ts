import { commonConfigShape } from '@newsflow/platform';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZodObject, ZodType } from 'zod';

/**
 * The README's configuration table is the operator's reference, so it must name every variable any
 * service reads (the zod schemas in services/<name>/src/config/, plus the few standard variables
 * read directly, such as OpenTelemetry's), nothing they do not read, and the default each service
 * really applies.
 */
const ROOT = join(__dirname, '..', '..');

function serviceSchemas(): Map<string, ZodObject> {
  const schemas = new Map<string, ZodObject>();
  for (const service of readdirSync(join(ROOT, 'services')).sort()) {
    const file = join(ROOT, 'services', service, 'src', 'config', `${service}.config.ts`);
    if (!existsSync(join(ROOT, 'services', service, 'src', 'main.ts')) || !existsSync(file)) continue;
    const schema = Object.values(require(file) as Record<string, unknown>).find((v): v is ZodObject => v instanceof ZodObject);
    if (!schema) throw new Error(`${file} exports no zod object schema`);
    schemas.set(service, schema);
  }
  return schemas;
}

/** Variables read straight from the environment (`env.X`, `process.env.X`) outside the config schemas. */
function directlyReadVariables(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]{2,})\b/g)) names.add(match[1]);
      }
    }
  };
  for (const parent of ['libs', 'services']) {
    for (const project of readdirSync(join(ROOT, parent))) if (existsSync(join(ROOT, parent, project, 'src'))) walk(join(ROOT, parent, project, 'src'));
  }
  return names;
}

/** Rows of the first table under "## Configuration": variable name → default cell. */
function documentedVariables(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const rows = new Map<string, string>();
  for (const line of section.slice(section.indexOf('|')).split('\n')) {
    if (!line.startsWith('|')) break; // the first table ends at its first non-table line
    const [name, defaultCell] = line.split('|').slice(1).map((cell) => cell.trim());
    const variable = /^`([A-Z][A-Z0-9_]*)`$/.exec(name)?.[1];
    if (variable) rows.set(variable, defaultCell);
  }
  return rows;
}

/** What the service applies when the variable is unset, as text; undefined when it stays unset. */
function defaultOf(schema: ZodType): string | undefined {
  const value = schema.safeParse(undefined);
  if (!value.success || value.data === undefined) return undefined;
  return Array.isArray(value.data) ? value.data.join(',') : String(value.data);
}

describe('README configuration table', () => {
  const schemas = serviceSchemas();
  const documented = documentedVariables();

  it('reads the services it checks from the source tree', () => {
    expect([...schemas.keys()]).toEqual(expect.arrayContaining(['ingest', 'enricher', 'weather', 'indexer']));
    expect(documented.size).toBeGreaterThan(10);
  });

  it('lists every variable a service reads, and no variable none reads', () => {
    const read = new Set([
      ...Object.keys(commonConfigShape),
      ...[...schemas.values()].flatMap((s) => Object.keys(s.shape)),
      ...directlyReadVariables(),
    ]);
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
    expect([...documented.keys()].filter((name) => !read.has(name)).sort()).toEqual([]);
  });

  it('states the default every service applies', () => {
    const wrong: string[] = [];
    for (const [service, schema] of schemas) {
      for (const [name, field] of Object.entries(schema.shape)) {
        const applied = defaultOf(field as ZodType);
        const cell = documented.get(name) ?? '';
        // A per-service default is written once with <service> in place of the name (newsflow-<service>).
        const stated = applied === undefined ? /unset/.test(cell) : cell.includes(applied) || cell.includes(applied.replace(service, '<service>'));
        if (!stated) wrong.push(`${name} (${service}): default ${applied ?? 'unset'}, README says ${cell || 'nothing'}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
