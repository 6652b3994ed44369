// Command-line flags (and BENCH_* variables) of `npm run bench`, validated up front so a typo fails
// before minutes of start-up instead of after them.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** name → [env variable, default, parser]; a flag `--name value` beats the variable. */
const SPEC = {
  articles: ['BENCH_ARTICLES', '20000', integer(10, 1_000_000)],
  rate: ['BENCH_RATE', '200', integer(1, 100_000)],
  'latency-seconds': ['BENCH_LATENCY_SECONDS', '30', integer(1, 3600)],
  // Articles of a corpus of their own (seed + 1) driven through the pipeline before anything is
  // measured: the broker's JIT compiler otherwise spends ~15 s of CPU inside the first phase.
  'warm-up': ['BENCH_WARM_UP', '2000', integer(0, 1_000_000)],
  // More fixed-rate phases after the first, each --latency-seconds long: where the p99 target holds.
  'sweep-rates': ['BENCH_SWEEP_RATES', '', integerList(1, 100_000)],
  mode: ['BENCH_MODE', 'http', oneOf(['http', 'topic'])],
  seed: ['BENCH_SEED', '42', integer(0, 2 ** 31 - 1)],
  'batch-size': ['BENCH_BATCH_SIZE', '50', integer(1, 100)],
  concurrency: ['BENCH_CONCURRENCY', '4', integer(1, 64)],
  // Keep-alive connections to ingest held by each phase (opened before a fixed-rate phase starts).
  connections: ['BENCH_CONNECTIONS', '128', integer(1, 512)],
  out: ['BENCH_OUT', path.join(ROOT, 'bench', 'results'), String],
  'state-dir': ['BENCH_STATE_DIR', path.join(ROOT, '.state', 'bench'), String],
  // Below Linux's ephemeral range (32768–60999): a client socket holding the port made Kafka fail to bind once.
  'kafka-port': ['BENCH_KAFKA_PORT', '29392', integer(1, 65535)],
  'kafka-controller-port': ['BENCH_KAFKA_CONTROLLER_PORT', '29393', integer(1, 65535)],
  'mongo-port': ['BENCH_MONGO_PORT', '27049', integer(1, 65535)],
  'redis-port': ['BENCH_REDIS_PORT', '6409', integer(1, 65535)],
  'service-port-base': ['BENCH_SERVICE_PORT_BASE', '18080', integer(1024, 65000)],
  // shared: one database for all services, as `npm start` runs them; per-service: newsflow_<service> each
  // (on FerretDB/SQLite a database is one file with one write lock, so this separates their writers).
  databases: ['BENCH_DATABASES', 'shared', oneOf(['shared', 'per-service'])],
  'cpu-prof': ['BENCH_CPU_PROF', '', oneOf(['', 'ingest', 'enricher', 'weather', 'indexer'])],
};
const SWITCHES = {
  'skip-build': 'BENCH_SKIP_BUILD',
  'keep-infra': 'BENCH_KEEP_INFRA',
  'skip-baseline': 'BENCH_SKIP_BASELINE',
};

function integer(min, max) {
  return (text, name) => {
    const value = Number(text);
    if (!/^\d+$/.test(String(text).trim()) || value < min || value > max) throw usageError(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
    return value;
  };
}

/** Comma-separated integers, e.g. "40,60,80"; empty for none. */
function integerList(min, max) {
  const one = integer(min, max);
  return (text, name) => (String(text).trim() === '' ? [] : String(text).split(',').map((part) => one(part.trim(), name)));
}

function oneOf(values) {
  return (text, name) => {
    if (!values.includes(text)) throw usageError(`--${name} must be one of ${values.filter(Boolean).join(', ')}, got "${text}"`);
    return text;
  };
}

const USAGE = `usage: npm run bench -- [--articles N] [--rate N] [--latency-seconds N] [--warm-up N] [--sweep-rates N,N,...] [--mode http|topic] [--seed N]
  [--batch-size N] [--concurrency N] [--connections N] [--out DIR] [--state-dir DIR] [--kafka-port N] [--kafka-controller-port N]
  [--mongo-port N] [--redis-port N] [--service-port-base N] [--databases shared|per-service] [--cpu-prof SERVICE] [--skip-build] [--keep-infra] [--skip-baseline]
Each flag also reads BENCH_<NAME> (e.g. BENCH_ARTICLES=500). See bench/README.md.`;

function parseOptions(argv = process.argv.slice(2), env = process.env) {
  const given = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: USAGE };
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw usageError(`unexpected argument "${arg}"\n${USAGE}`);
    const [, name, inline] = match;
    if (name in SWITCHES) {
      if (inline !== undefined) throw usageError(`--${name} takes no value`);
      given[name] = true;
    } else if (name in SPEC) {
      const value = inline ?? argv[(i += 1)];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw usageError(`--${name} needs a value`);
      given[name] = value;
    } else {
      throw usageError(`unknown flag --${name}\n${USAGE}`);
    }
  }
  const options = {};
  for (const [name, [variable, fallback, parse]] of Object.entries(SPEC)) {
    const source = given[name] ?? env[variable] ?? fallback;
    options[camel(name)] = parse(source, name);
  }
  for (const [name, variable] of Object.entries(SWITCHES)) options[camel(name)] = given[name] === true || /^(1|true|yes)$/i.test(env[variable] ?? '');
  options.out = path.resolve(options.out);
  options.stateDir = path.resolve(options.stateDir);
  const ports = [options.kafkaPort, options.kafkaControllerPort, options.mongoPort, options.redisPort,
    ...[1, 2, 3, 4].map((i) => options.servicePortBase + i)];
  if (new Set(ports).size !== ports.length) throw usageError(`ports must differ from each other: ${ports.join(', ')}`);
  return options;
}

/** Marked so run.js exits 2 (bad invocation) rather than 1 (the run failed). */
function usageError(message) {
  return Object.assign(new Error(message), { usage: true });
}

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** For the smaller benches (util.parseArgs): `values[name]` as a positive integer, or exit 2 naming the flag. */
function positiveIntegerReader(command, values) {
  return (name) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) {
      console.error(`${command}: --${name} must be a positive integer, got ${JSON.stringify(values[name])}`);
      process.exit(2);
    }
    return value;
  };
}

module.exports = { positiveIntegerReader, parseOptions, USAGE, ROOT };
