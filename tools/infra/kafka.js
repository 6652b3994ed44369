// Apache Kafka, single node in KRaft mode (broker and controller in one JVM), from its Maven Central jars.
// 3.9.x because kafkajs 2.2.4 relies on protocol versions that Kafka 4 removed (KIP-896).
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { commandExists, runChecked, startDetached, waitUntil } = require('./process-utils');
const { kafkaMetadata } = require('./probes');

const KAFKA_VERSION = '3.9.1';
// The logging binding Kafka 3.9.1's own distribution ships (its connect-runtime pom names them).
const SLF4J_VERSION = '1.7.36';
const RELOAD4J_VERSION = '1.2.25';
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.6.1';

const dependency = (g, a, v) => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.newsflow</groupId><artifactId>kafka-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    ${dependency('org.apache.kafka', 'kafka_2.13', KAFKA_VERSION)}
    ${dependency('org.slf4j', 'slf4j-reload4j', SLF4J_VERSION)}
    ${dependency('ch.qos.reload4j', 'reload4j', RELOAD4J_VERSION)}
  </dependencies>
</project>
`;

// A changed pom gets a new directory: a running broker may still load classes from the old jars.
const POM_HASH = crypto.createHash('sha256').update(POM).digest('hex').slice(0, 8);

function layout(s) {
  const home = path.join(s.cacheDir, `kafka-${KAFKA_VERSION}-${POM_HASH}`);
  const dir = path.join(s.stateDir, 'kafka');
  return {
    home,
    libs: path.join(home, 'libs'),
    marker: path.join(home, '.complete'),
    dir,
    data: path.join(dir, 'data'),
    config: path.join(dir, 'server.properties'),
    log4j: path.join(dir, 'log4j.properties'),
    logFile: path.join(dir, 'server.log'),
    stdoutLog: path.join(dir, 'stdout.log'),
    pidFile: path.join(dir, 'kafka.pid'),
  };
}

const installed = (l) => fs.existsSync(l.marker);

function preflight(s) {
  const missing = [];
  if (!commandExists('java')) missing.push('java, for Kafka (Java 17+: apt-get install -y openjdk-17-jre-headless)');
  if (!installed(layout(s)) && !commandExists('mvn')) {
    missing.push('mvn, to fetch the Kafka jars from Maven Central once (apt-get install -y maven)');
  }
  return missing;
}

async function install(s, log) {
  const l = layout(s);
  if (installed(l)) return;
  log(`fetching Kafka ${KAFKA_VERSION} jars from Maven Central into ${l.libs} (first run only)`);
  fs.mkdirSync(l.home, { recursive: true });
  fs.writeFileSync(path.join(l.home, 'pom.xml'), POM);
  fs.rmSync(l.libs, { recursive: true, force: true });
  await runChecked('mvn', ['-q', '-B', `${DEPENDENCY_PLUGIN}:copy-dependencies`, `-DoutputDirectory=${l.libs}`, '-DincludeScope=runtime'], { cwd: l.home });
  fs.writeFileSync(l.marker, `${new Date().toISOString()}\n`);
}

function writeConfig(s, l) {
  fs.mkdirSync(l.data, { recursive: true });
  fs.writeFileSync(l.config, [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${s.kafkaControllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${s.kafkaPort},CONTROLLER://127.0.0.1:${s.kafkaControllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${s.kafkaPort}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${l.data}`,
    'num.partitions=3',
    // One partition each instead of 50: on fresh data the first consumer group or transactional
    // producer otherwise waits while 50 partitions are created and loaded.
    'offsets.topic.num.partitions=1',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Services create their topics explicitly; a mistyped topic name must fail, not appear.
    'auto.create.topics.enable=false',
    '',
  ].join('\n'));
  fs.writeFileSync(l.log4j, [
    'log4j.rootLogger=INFO, file',
    // Per-partition chatter (a thousand lines per start) would bury what explains a failure.
    'log4j.logger.state.change.logger=WARN',
    'log4j.logger.kafka.log=WARN',
    'log4j.logger.kafka.cluster=WARN',
    'log4j.logger.org.apache.kafka=WARN',
    'log4j.appender.file=org.apache.log4j.FileAppender',
    `log4j.appender.file.File=${l.logFile}`,
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    '',
  ].join('\n'));
}

/** Kafka's Uuid.randomUuid() in Node: saves a JVM start. A leading '-' would read as a CLI flag. */
function clusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

async function start(s) {
  const l = layout(s);
  writeConfig(s, l);
  const java = ['-Dlog4j.configuration=file:' + l.log4j, '-cp', `${l.libs}/*`];
  if (!fs.existsSync(path.join(l.data, 'meta.properties'))) {
    await runChecked('java', [...java, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', l.config]);
  }
  if (fs.existsSync(l.logFile)) fs.renameSync(l.logFile, `${l.logFile}.prev`);
  const pid = startDetached({
    command: 'java',
    args: ['-Xms256m', '-Xmx768m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true', ...java, 'kafka.Kafka', l.config],
    cwd: l.dir,
    logFile: l.stdoutLog,
    pidFile: l.pidFile,
  });
  const started = () => fs.existsSync(l.logFile) && fs.readFileSync(l.logFile, 'utf8').includes('Kafka Server started');
  // Generous: on a first run the FerretDB build competes with this JVM for both cores.
  await waitUntil(async () => started() && (await kafkaMetadata(s.kafkaPort)), {
    timeoutMs: 180_000, what: `Kafka on 127.0.0.1:${s.kafkaPort}`, pid, logFiles: [l.logFile, l.stdoutLog],
  });
}

/**
 * Runs one of Kafka's own command-line tools (a main class in the jars `up` installed) against the
 * broker, output to this terminal: an install from Maven Central has the jars but none of the
 * `bin/*.sh` wrappers a Kafka download has. Resolves to the tool's exit code.
 */
function runTool(s, mainClass, args) {
  const l = layout(s);
  if (!installed(l)) return Promise.reject(new Error(`Kafka's jars are not installed under ${l.home}: run "npm run infra -- up" once`));
  // The broker's log4j settings (warnings only) when `up` wrote them; without, log4j says it has no appenders, once.
  const logging = fs.existsSync(l.log4j) ? ['-Dlog4j.configuration=file:' + l.log4j] : [];
  const child = spawn('java', [...logging, '-cp', `${l.libs}/*`, mainClass, ...args], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

module.exports = {
  name: 'kafka',
  runTool,
  envVar: 'KAFKA_BROKERS',
  version: KAFKA_VERSION,
  ports: (s) => [s.kafkaPort, s.kafkaControllerPort],
  url: (s) => `127.0.0.1:${s.kafkaPort}`,
  pidFile: (s) => layout(s).pidFile,
  marker: (s) => layout(s).config,
  logFile: (s) => layout(s).logFile,
  healthy: (s) => kafkaMetadata(s.kafkaPort),
  preflight,
  install,
  start,
};
