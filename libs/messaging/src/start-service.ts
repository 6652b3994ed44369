import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CommonConfig, createLogger, enableShutdown, gauge, ReadinessState, setHeapGrowingPercent, startTracing, tracingHttpMiddleware, withTimeout } from '@newsflow/platform';
import { BacklogMonitor } from './backlog.monitor';
import { EventConsumer } from './event-consumer';
import { ensureTopics } from './ensure-topics';
import { kafkaConsumerOptions } from './kafka-settings';
import { ObservedServerKafka } from './observed-server-kafka';

const buildInfo = gauge('newsflow_build_info', 'Always 1; its labels name the running service and its version (with NEWSFLOW_RELEASE)', ['service', 'version']);
const GROUP_JOIN_TIMEOUT_MS = 60_000;
/** A 2 MiB submission at 35 KB/s still fits; a slow-loris client does not hold on for minutes. */
const HTTP_REQUEST_TIMEOUT_MS = 60_000;
const HTTP_HEADERS_TIMEOUT_MS = 15_000;

export interface StartServiceOptions {
  service: string;
  version: string;
  module: Type<unknown> | import('@nestjs/common').DynamicModule;
  config: CommonConfig & { HTTP_PORT: number; HTTP_HOST: string };
  groupId: string;
  /** Every topic this service reads or writes; created when missing before anything subscribes. */
  topics: readonly string[];
  description: string;
  /** False when the service reads raw request bodies itself (ingest parses several formats). */
  bodyParser?: boolean;
}

/**
 * The same start sequence for every stage: topics first (subscribing to a missing topic fails),
 * then the Kafka consumer, then HTTP, and only then readiness.
 */
export async function startService(options: StartServiceOptions): Promise<INestApplication> {
  const { config } = options;
  // Before anything is allocated in earnest: a capped heap otherwise collects in full every ~0.5 s under load.
  setHeapGrowingPercent(config.HEAP_GROWING_PERCENT);
  // OTLP export, only when OTEL_EXPORTER_OTLP_ENDPOINT is set; before Nest so every span has a tracer.
  startTracing({ service: options.service, version: options.version });
  const logger = createLogger(options.service, config.LOG_LEVEL);
  // Now rather than when Nest starts: the Kafka clients that create the topics below log through it too.
  Logger.overrideLogger(logger);
  await ensureTopics(config.KAFKA_BROKERS, options.topics, {
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    retentionMs: config.KAFKA_RETENTION_HOURS * 3_600_000,
    deadLetterRetentionMs: config.KAFKA_DEADLETTER_RETENTION_HOURS * 3_600_000,
  });
  // abortOnError false: a module that fails to start (a store out of reach) rejects to runMain, which
  // prints the one fatal line naming it, instead of Nest exiting from inside with its own text.
  const app = await NestFactory.create(options.module, { logger, bufferLogs: true, bodyParser: options.bodyParser ?? true, abortOnError: false });
  enableShutdown(app, config.SHUTDOWN_TIMEOUT_MS);
  // Ahead of the modules' middleware, so the request's traceparent already names its span when they read it.
  app.use(tracingHttpMiddleware);
  // Nothing to advertise, and no answer to be sniffed into another type.
  app.getHttpAdapter().getInstance().disable?.('x-powered-by');
  app.use((_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  const consumerOptions = kafkaConsumerOptions({
    brokers: config.KAFKA_BROKERS, clientId: options.service, groupId: options.groupId, fromBeginning: config.KAFKA_FROM_BEGINNING,
    fetchWaitMs: config.KAFKA_FETCH_WAIT_MS, fetchMinBytes: config.KAFKA_FETCH_MIN_BYTES, commitIntervalMs: config.KAFKA_COMMIT_INTERVAL_MS,
  });
  // Values stay bytes: EventConsumer decodes them once and keeps the payload's bytes for the publish
  // (payload-json.ts), and ingest's status tracking reads only headers.
  const serverOptions = { ...consumerOptions.options, parser: { keepBinary: true } };
  const server = new ObservedServerKafka(serverOptions, config.KAFKA_CONSUME_CONCURRENCY);
  // Not the HTTP app's global enhancers: they are HTTP's (the log-context interceptor, ingest's
  // problem+json filter, which cannot answer a Kafka message), and an interceptor, even one that
  // passes Kafka messages through, cost each message two AsyncResource binds and an rxjs pipeline.
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: false });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(`newsflow ${options.service}`).setDescription(options.description).setVersion(options.version).build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  // Modules' init hooks (the producer's connection among them) before the consumer takes its first
  // event: startAllMicroservices alone would start consuming while they still run.
  await app.init();
  await app.startAllMicroservices();
  // A client trickling headers or a body holds its socket (and, in ingest, its share of the
  // submission budget) for at most these, not Node's five minutes.
  const http = app.getHttpServer() as Server;
  http.headersTimeout = HTTP_HEADERS_TIMEOUT_MS;
  http.requestTimeout = HTTP_REQUEST_TIMEOUT_MS;
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  await withTimeout(server.joined, GROUP_JOIN_TIMEOUT_MS, `joining consumer group ${options.groupId}`).catch((error) =>
    new Logger('bootstrap').warn({ msg: 'not yet in the consumer group; ready anyway, consumption starts when the join completes', error: String(error) }),
  );
  const readiness = app.get(ReadinessState);
  // On SIGTERM: stop retry waits, then let in-flight events finish and commit while /health/ready says 503.
  readiness.onDrain(async () => {
    app.get(EventConsumer, { strict: false }).beforeApplicationShutdown();
    await server.close();
  });
  readiness.markReady();
  buildInfo.set({ service: options.service, version: options.version }, 1);
  // Consumer lag per partition and the messages parked on the dead-letter topic as gauges, sampled
  // every 10 s from the broker (never blocks or fails the start).
  app.get(BacklogMonitor).start();
  new Logger('bootstrap').log({ msg: `${options.service} ready`, version: options.version, port: config.HTTP_PORT, groupId: options.groupId });
  return app;
}

// A Docker tag's characters and length, so the chart can pass any image tag.
const RELEASE_NAME = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The version in the service's package.json, read from next to its `dist/`, and after a `+` the
 * release an operator deployed (`NEWSFLOW_RELEASE`: the image tag or commit). Every build says
 * 0.1.0, so without it events' `producer`, logs, traces and `newsflow_build_info` could not tell an
 * old instance from a new one during a rollout.
 */
export function serviceVersion(distDir: string, release = process.env.NEWSFLOW_RELEASE): string {
  let version = '0.0.0';
  try {
    version = (JSON.parse(readFileSync(join(distDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // A service run from an unusual layout still starts; its version is then unknown.
  }
  if (!release) return version;
  if (!RELEASE_NAME.test(release)) {
    throw new Error(`NEWSFLOW_RELEASE must be 1-128 letters, digits, '.', '_' or '-' (an image tag or a commit), got ${JSON.stringify(release.slice(0, 80))}`);
  }
  return `${version}+${release}`;
}

/** Runs a service's start-up and turns any failure (bad config, unreachable broker) into one fatal log line and exit 1. */
export function runMain(service: string, start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // Same field names as the service's JSON log lines.
    console.error(JSON.stringify({ level: 'fatal', time: new Date().toISOString(), service, pid: process.pid, msg: message }));
    process.exit(1);
  });
}
