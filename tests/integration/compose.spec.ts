import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ZodObject } from 'zod';

/**
 * docker-compose.yml and the Dockerfile cannot be run here (no Docker engine), so they are checked
 * offline: the compose file against the Compose Specification's own JSON Schema (from the compose-go
 * module, through the Go proxy), the rules that make `--scale` and health-gated start work, and every
 * environment value against the configuration schema of the service it is given to.
 */
const ROOT = join(__dirname, '..', '..');
const { goModuleFile } = require('../../tools/deploy/go-module');
const COMPOSE_SPEC = { module: 'github.com/compose-spec/compose-go/v2', version: 'v2.16.2', file: 'schema/compose-spec.json' };
const INFRA = ['kafka', 'mongo', 'redis'];
/** Consuming stages that scale by instance count; the indexer keeps its search index in memory, so it stays at one. */
const SCALABLE = ['enricher', 'weather'];

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[];
  container_name?: string;
  ports?: unknown[];
  environment?: Record<string, string | number | null>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] | string };
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const appServices = Object.keys(services).filter((name) => services[name].build);

/** Every deployable service: a directory under services/ with a main.ts and a config schema. */
function serviceConfigSchemas(): Map<string, ZodObject> {
  const schemas = new Map<string, ZodObject>();
  for (const name of readdirSync(join(ROOT, 'services'))) {
    const file = join(ROOT, 'services', name, 'src', 'config', `${name}.config.ts`);
    if (!existsSync(join(ROOT, 'services', name, 'src', 'main.ts')) || !existsSync(file)) continue;
        const exported = require(file) as Record<string, unknown>;
    const schema = Object.values(exported).find((value): value is ZodObject => value instanceof ZodObject);
    if (!schema) throw new Error(`${file} exports no zod object schema`);
    schemas.set(name, schema);
  }
  return schemas;
}

describe('docker-compose.yml', () => {
  const schemas = serviceConfigSchemas();

  it('is valid against the Compose Specification schema', () => {
    const spec = JSON.parse(readFileSync(goModuleFile(COMPOSE_SPEC.module, COMPOSE_SPEC.version, COMPOSE_SPEC.file), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(spec);
    // Environment values are strings once interpolated; the schema allows numbers and null too.
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    const broken = { ...compose, services: { ...services, enricher: { ...services.enricher, depends_on: { kafka: { condition: 'when_ready' } } } } };
    expect(validate(broken)).toBe(false);
  });

  it('runs every service under services/ from the one root Dockerfile', () => {
    expect(appServices.sort()).toEqual([...schemas.keys()].sort());
    for (const name of appServices) {
      expect(services[name].build).toEqual({ context: '.', args: { SERVICE: name } });
    }
  });

  it('runs Kafka in KRaft mode and MongoDB as a replica set that the services name', () => {
    const kafka = services.kafka.environment ?? {};
    expect(String(kafka.KAFKA_PROCESS_ROLES).split(',').sort()).toEqual(['broker', 'controller']);
    expect(Object.keys(services)).not.toContain('zookeeper');
    const command = services.mongo.command ?? [];
    const replicaSet = command[command.indexOf('--replSet') + 1];
    expect(replicaSet).toMatch(/^\w+$/);
    expect(JSON.stringify(services.mongo.healthcheck?.test)).toContain(`rs.initiate({ _id: '${replicaSet}'`);
    for (const name of appServices.filter((n) => services[n].environment?.MONGODB_URI)) {
      expect(new URL(String(services[name].environment?.MONGODB_URI)).searchParams.get('replicaSet')).toBe(replicaSet);
    }
  });

  it('gates every start on the health of what it needs', () => {
    for (const name of INFRA) expect(services[name].healthcheck?.test).toBeDefined();
    for (const name of appServices) {
      const dependsOn = services[name].depends_on ?? {};
      expect(Object.keys(dependsOn).length).toBeGreaterThan(0);
      for (const [dependency, { condition }] of Object.entries(dependsOn)) {
        expect({ service: name, dependency, condition }).toEqual({ service: name, dependency, condition: 'service_healthy' });
        // service_healthy needs a healthcheck: from the compose file, or the image's HEALTHCHECK.
        expect(services[dependency].healthcheck ?? services[dependency].build).toBeDefined();
      }
      const env = services[name].environment ?? {};
      const uses = ['KAFKA_BROKERS', 'MONGODB_URI', 'REDIS_URL'].filter((key) => key in env);
      for (const key of uses) expect(dependsOn[{ KAFKA_BROKERS: 'kafka', MONGODB_URI: 'mongo', REDIS_URL: 'redis' }[key] as string]).toBeDefined();
    }
  });

  it('lets the consuming stages scale: no container names, no fixed host ports', () => {
    for (const name of Object.keys(services)) expect({ name, container_name: services[name].container_name }).toEqual({ name, container_name: undefined });
    for (const name of SCALABLE) expect({ name, ports: services[name].ports }).toEqual({ name, ports: undefined });
  });

  it('gives the console no key: it publishes 8080 and passes on the key each user signs in with', () => {
    const env = services.console.environment ?? {};
    expect(Object.entries(env).filter(([name, value]) => /KEY/.test(name) || /API_KEY/.test(String(value)))).toEqual([]);
    // The keys stay where they are checked.
    expect(services.ingest.environment).toHaveProperty('ADMIN_API_KEY');
    expect(services.indexer.environment?.READ_API_KEYS).toBe('${READ_API_KEY:-}');
  });

  it('gives each service only configuration its schema knows and accepts', () => {
    for (const name of appServices) {
      const schema = schemas.get(name) as ZodObject;
      const env = Object.fromEntries(
        Object.entries(services[name].environment ?? {}).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)]),
      );
      // Read by node itself, not by the service (tests/integration/node-options.spec.ts checks it).
      delete env.NODE_OPTIONS;
      expect({ name, unknown: Object.keys(env).filter((key) => !(key in schema.shape)) }).toEqual({ name, unknown: [] });
      const parsed = schema.safeParse(env);
      expect({ name, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ name, issues: [] });
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];

  it('builds in one stage and runs from another, as a non-root user, with production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(runtime).not.toMatch(/npm (ci|install)/);
    const user = /^USER (\S+)/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('has a HEALTHCHECK on the readiness endpoint and a build arg naming the service', () => {
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/health\/ready/m);
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    for (const name of appServices) expect(dockerfile).toContain(name);
  });

  it('leaves no per-service Dockerfiles behind to drift from it', () => {
    expect(appServices.filter((name) => existsSync(join(ROOT, 'services', name, 'Dockerfile')))).toEqual([]);
  });
});
