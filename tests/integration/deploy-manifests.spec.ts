import { TOPICS } from '@newsflow/contracts';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ZodObject, ZodType } from 'zod';

/**
 * The Helm chart in deploy/helm/newsflow, rendered with helm and validated against the Kubernetes
 * API schemas and KEDA's CRD, exactly as `npm run deploy:validate` does; plus the properties the
 * deployment must have, and proof that the validation rejects what is wrong.
 * The first run installs helm (go install, a few minutes) and kubernetes-validate (PyPI) into the cache dir.
 */
const ROOT = join(__dirname, '..', '..');
const { validateDeploy, tools, CHART, KUBE_VERSION } = require('../../scripts/validate-deploy');
const { helmTemplate } = require('../../tools/deploy/helm');
const { validateManifests } = require('../../tools/deploy/validate-manifests');

/** Rendered manifests are checked field by field below; their full types would add nothing but noise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec?: Loose; data?: Record<string, string>; stringData?: Record<string, string> };
type Tools = { helm: string; kubernetesValidateBinary: string; crds: Map<string, unknown> };

/** The stage each ScaledObject watches: the topic its service consumes. */
const CONSUMES: Record<string, string> = { enricher: TOPICS.articleReceived, weather: TOPICS.articleEnriched };

function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text).map((d) => d.toJSON()).filter(Boolean);
}

function configSchema(service: string): ZodObject {
  const file = join(ROOT, 'services', service, 'src', 'config', `${service}.config.ts`);
  const schema = Object.values(require(file) as Record<string, unknown>).find((v): v is ZodObject => v instanceof ZodObject);
  if (!schema) throw new Error(`${file} exports no zod object schema`);
  return schema;
}

describe('Helm chart deploy/helm/newsflow', () => {
  let installed: Tools;
  let scratch: string;
  const render = async (values?: string) => {
    const valuesFiles = values ? [join(scratch, `values-${randomUUID()}.yaml`)] : [];
    if (values) writeFileSync(valuesFiles[0], values);
    return helmTemplate(installed.helm, CHART, { valuesFiles, kubeVersion: KUBE_VERSION }) as Promise<string>;
  };

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'newsflow-chart-'));
    installed = await tools((line: string) => console.log(`[deploy] ${line}`));
  }, 30 * 60_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('renders valid manifests with the default values and with every values file in ci/', async () => {
    const results = (await validateDeploy()) as { name: string; problems: string[] }[];
    expect(results.map((r) => r.name)).toEqual(['default values', ...readdirSync(join(CHART, 'ci')).sort().map((f) => `ci/${f}`)]);
    expect(results.map((r) => r.name)).toContain('ci/scaled-values.yaml');
    for (const result of results) expect(result).toEqual({ name: result.name, problems: [] });
  }, 300_000);

  it('gives every service a Deployment with probes and resources, a Service and a disruption budget', async () => {
    const manifests = parseManifests(await render());
    const named = (kind: string) => new Map(manifests.filter((m) => m.kind === kind).map((m) => [m.spec?.selector?.matchLabels?.['app.kubernetes.io/name'] ?? m.spec?.selector?.['app.kubernetes.io/name'], m]));
    const services = readdirSync(join(ROOT, 'services')).filter((s) => existsSync(join(ROOT, 'services', s, 'src', 'main.ts'))).sort();
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget']) expect({ kind, services: [...named(kind).keys()].sort() }).toEqual({ kind, services });
    for (const [service, deployment] of named('Deployment')) {
      const [container] = deployment.spec.template.spec.containers;
      expect({ service, live: container.livenessProbe.httpGet.path, ready: container.readinessProbe.httpGet.path })
        .toEqual({ service, live: '/health/live', ready: '/health/ready' });
      expect(container.resources.requests).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
      expect(container.resources.limits).toEqual(expect.objectContaining({ memory: expect.anything() }));
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      // Connection strings only ever come from the Secret.
      expect((container.env ?? []).filter((e: { value?: string }) => e.value !== undefined)).toEqual([]);
    }
  });

  it('scales each consuming stage with KEDA on its own consumer group and input topic', async () => {
    const manifests = parseManifests(await render());
    const scaled = manifests.filter((m) => m.kind === 'ScaledObject');
    expect(scaled.map((m) => m.spec.scaleTargetRef.name).sort()).toEqual(['newsflow-enricher', 'newsflow-weather']);
    for (const object of scaled) {
      const service = object.spec.scaleTargetRef.name.replace('newsflow-', '');
      const [trigger] = object.spec.triggers;
      // The group KEDA watches must be the one the service joins: its configured default.
      const group = (configSchema(service).shape.KAFKA_GROUP_ID as ZodType).parse(undefined);
      expect({ service, type: trigger.type, group: trigger.metadata.consumerGroup, topic: trigger.metadata.topic })
        .toEqual({ service, type: 'kafka', group, topic: CONSUMES[service] });
      // KEDA owns the replica count of what it scales; a fixed one would fight it on every upgrade.
      expect(manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === object.spec.scaleTargetRef.name)?.spec.replicas).toBeUndefined();
    }
  });

  it('hands each service only configuration its schema knows and accepts', async () => {
    const manifests = parseManifests(await render());
    const configMaps = new Map(manifests.filter((m) => m.kind === 'ConfigMap').map((m) => [m.metadata.name, m.data ?? {}]));
    const secret = manifests.find((m) => m.kind === 'Secret')?.stringData ?? {};
    for (const deployment of manifests.filter((m) => m.kind === 'Deployment')) {
      const [container] = deployment.spec.template.spec.containers;
      const env: Record<string, string> = Object.assign({}, ...container.envFrom.map((s: { configMapRef: { name: string } }) => configMaps.get(s.configMapRef.name)));
      for (const e of container.env ?? []) if (secret[e.valueFrom.secretKeyRef.key] !== undefined) env[e.name] = secret[e.valueFrom.secretKeyRef.key];
      const schema = configSchema(container.name);
      // Node's own variables (heap limits) are for the runtime, not the service's configuration, and
      // the release name is read where the version is (serviceVersion), beside the schema.
      expect(env.NEWSFLOW_RELEASE).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
      for (const runtime of ['NODE_OPTIONS', 'NEWSFLOW_RELEASE']) delete env[runtime];
      expect({ service: container.name, unknown: Object.keys(env).filter((k) => !(k in schema.shape)) }).toEqual({ service: container.name, unknown: [] });
      const parsed = schema.safeParse(env);
      expect({ service: container.name, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ service: container.name, issues: [] });
    }
  });

  it('gives the console no key, even when the chart holds both: its users sign in with theirs', async () => {
    const manifests = parseManifests(await render(`adminApiKey: ${'a'.repeat(24)}\nreadApiKey: ${'r'.repeat(24)}\n`));
    const keysOf = (service: string) => {
      const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === `newsflow-${service}`);
      const [container] = deployment?.spec.template.spec.containers ?? [];
      return (container?.env ?? []).filter((e: { valueFrom?: { secretKeyRef?: { key: string } } }) => /KEY/.test(e.valueFrom?.secretKeyRef?.key ?? '')).map((e: { name: string }) => e.name);
    };
    expect(keysOf('console')).toEqual([]);
    expect(keysOf('ingest')).toEqual(['ADMIN_API_KEY', 'READ_API_KEYS']);
    expect(keysOf('indexer')).toEqual(['READ_API_KEYS']);
  });

  it('rejects a broken Deployment and a broken ScaledObject, naming each', async () => {
    const valid = await render();
    const broken = valid
      .replace('containerPort: 8080', 'containerPort: "eighty"')
      .replace(/lagThreshold: "500"/, 'lagThreshold: 500')
      .replace(/(\n {2}maxReplicaCount: 12)/, '$1\n  maxReplicas: 12');
    expect(broken).not.toBe(valid);
    const problems: string[] = await validateManifests(broken, { ...installed, kubeVersion: KUBE_VERSION });
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/deployment\/newsflow-\w+ .*containerPort: 'eighty' is not of type 'integer'/),
      expect.stringMatching(/ScaledObject\/newsflow-enricher .*\/spec\/triggers\/0\/metadata\/lagThreshold must be string/),
      expect.stringMatching(/ScaledObject\/newsflow-enricher .*must NOT have additional properties 'maxReplicas'/),
    ]));
    expect(await validateManifests('apiVersion: example.com/v1\nkind: Gadget\nmetadata: { name: g }\n', { ...installed, kubeVersion: KUBE_VERSION }))
      .toEqual([expect.stringMatching(/schema for kind Gadget/)]);
  });

  it('refuses values that cannot work, with a message naming them', async () => {
    await expect(render('services:\n  enricher:\n    autoscaling: { maxReplicas: 40 }\n'))
      .rejects.toThrow(/services\.enricher\.autoscaling\.maxReplicas \(40\) exceeds kafka\.topicPartitions \(12\)/);
    await expect(render('services:\n  enricher:\n    replicas: two\n')).rejects.toThrow(/\/services\/enricher\/replicas.*want integer/);
    await expect(render('adminApiKey: short\n')).rejects.toThrow(/adminApiKey must have at least 16 characters/);
  });
});
