// Apache Kafka, single node in KRaft mode, from its Maven Central artifacts.
// 3.9.x because kafkajs 2.2.4 relies on protocol versions that Kafka 4 removed (KIP-896).
const fs = require('node:fs');
const path = require('node:path');
const { commandExists, portOpen, runChecked, startDetached, waitUntil } = require('./process-utils');

const KAFKA_VERSION = '3.9.1';
const SLF4J_VERSION = '1.7.36';

function pom() {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.newsflow</groupId><artifactId>kafka-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>${SLF4J_VERSION}</version></dependency>
  </dependencies>
</project>
`;
}

function layout(s) {
  const home = path.join(s.cacheDir, `kafka-${KAFKA_VERSION}`);
  const dir = path.join(s.stateDir, 'kafka');
  return {
    home,
    libs: path.join(home, 'libs'),
    dir,
    data: path.join(dir, 'data'),
    config: path.join(dir, 'server.properties'),
    log4j: path.join(dir, 'log4j.properties'),
    logFile: path.join(dir, 'server.log'),
    stdoutLog: path.join(dir, 'stdout.log'),
    pidFile: path.join(dir, 'kafka.pid'),
  };
}

function preflight() {
  const missing = [];
  if (!commandExists('java')) missing.push('java (Java 17+: apt-get install -y openjdk-17-jre-headless)');
  return missing;
}

async function install(s) {
  const l = layout(s);
  const marker = path.join(l.home, '.complete');
  if (fs.existsSync(marker)) return;
  if (!commandExists('mvn')) throw new Error('Kafka needs Maven to fetch its jars once: apt-get install -y maven');
  fs.mkdirSync(l.home, { recursive: true });
  fs.writeFileSync(path.join(l.home, 'pom.xml'), pom());
  fs.rmSync(l.libs, { recursive: true, force: true });
  await runChecked('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${l.libs}`, '-DincludeScope=runtime'], { cwd: l.home });
  fs.writeFileSync(marker, new Date().toISOString());
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
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Services create their topics explicitly; a mistyped topic name must fail, not appear.
    'auto.create.topics.enable=false',
    '',
  ].join('\n'));
  fs.writeFileSync(l.log4j, [
    'log4j.rootLogger=INFO, file',
    'log4j.logger.kafka=INFO',
    'log4j.logger.org.apache.kafka=WARN',
    'log4j.appender.file=org.apache.log4j.FileAppender',
    `log4j.appender.file.File=${l.logFile}`,
    'log4j.appender.file.Append=false',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    '',
  ].join('\n'));
}

async function start(s) {
  const l = layout(s);
  writeConfig(s, l);
  const classpath = `${l.libs}/*`;
  const log4j = `-Dlog4j.configuration=file:${l.log4j}`;
  if (!fs.existsSync(path.join(l.data, 'meta.properties'))) {
    const clusterId = (await runChecked('java', [log4j, '-cp', classpath, 'kafka.tools.StorageTool', 'random-uuid'])).trim().split('\n').pop();
    await runChecked('java', [log4j, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', l.config]);
  }
  fs.rmSync(l.logFile, { force: true });
  const pid = startDetached({
    command: 'java',
    args: ['-Xms256m', '-Xmx768m', '-XX:+UseG1GC', '-Djava.awt.headless=true', log4j, '-cp', classpath, 'kafka.Kafka', l.config],
    cwd: l.dir,
    logFile: l.stdoutLog,
    pidFile: l.pidFile,
  });
  const started = () => fs.existsSync(l.logFile) && /Kafka Server started/.test(fs.readFileSync(l.logFile, 'utf8'));
  await waitUntil(async () => started() && (await portOpen(s.kafkaPort)), {
    timeoutMs: 180_000, what: `Kafka on 127.0.0.1:${s.kafkaPort}`, pid, logFile: fs.existsSync(l.logFile) ? l.logFile : l.stdoutLog,
  });
}

module.exports = {
  name: 'kafka',
  envVar: 'KAFKA_BROKERS',
  version: KAFKA_VERSION,
  ports: (s) => [s.kafkaPort, s.kafkaControllerPort],
  url: (s) => `127.0.0.1:${s.kafkaPort}`,
  pidFile: (s) => layout(s).pidFile,
  logFile: (s) => layout(s).logFile,
  healthy: (s) => portOpen(s.kafkaPort),
  preflight,
  install,
  start,
};
