import { Writable } from 'node:stream';
import { createLogger } from '@newsflow/platform';
import { Kafka, logLevel } from 'kafkajs';
import { kafkajsLogCreator } from './kafkajs-logging';
import { kafkaClientConfig } from './kafka-settings';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger('test', level, destination), lines };
}

const entry = (namespace: string, level: logLevel, message: string, fields: Record<string, unknown> = {}) => ({
  namespace,
  level,
  label: logLevel[level],
  log: { timestamp: '2026-12-06T00:00:00.000Z', logger: 'kafkajs', message, ...fields },
});

describe('kafkajs log lines', () => {
  it('writes them as the service log lines, with kafkajs fields under kafka and nothing serialised into msg', () => {
    const { logger, lines } = capture('info');
    kafkajsLogCreator(logger)(logLevel.WARN)(entry('Consumer', logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded: boom', { groupId: 'g', retryCount: 5 }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', service: 'test', msg: '[Consumer] Crash: KafkaJSNumberOfRetriesExceeded: boom', kafka: { groupId: 'g', retryCount: 5 } });
    expect(lines[0].kafka).not.toHaveProperty('timestamp');
    expect(lines[0].kafka).not.toHaveProperty('logger');
  });

  it('keeps warnings as warnings', () => {
    const { logger, lines } = capture('info');
    kafkajsLogCreator(logger)(logLevel.WARN)(entry('Runner', logLevel.WARN, 'The group is rebalancing, re-joining', { groupId: 'g' }));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([['warn', '[Runner] The group is rebalancing, re-joining']]);
  });

  it('puts broker error answers that kafkajs hands to a caller, and the idempotent producer notice, at debug', () => {
    const quiet = capture('info');
    const verbose = capture('debug');
    for (const { logger } of [quiet, verbose]) {
      const log = kafkajsLogCreator(logger)(logLevel.WARN);
      log(entry('Connection', logLevel.ERROR, 'Response InitProducerId(key: 22, version: 1)', { error: 'The coordinator is loading and hence can\'t process requests for this group' }));
      log(entry('Connection', logLevel.ERROR, 'Response CreateTopics(key: 19, version: 3)', { error: 'Topic creation errors' }));
      log(entry('Producer', logLevel.WARN, 'Limiting retries for the idempotent producer may invalidate EoS guarantees'));
    }
    expect(quiet.lines).toEqual([]);
    expect(verbose.lines.map((l) => l.level)).toEqual(['debug', 'debug', 'debug']);
    expect(verbose.lines[0]).toMatchObject({ kafka: { error: expect.stringContaining('coordinator is loading') } });
  });

  it('takes a real kafkajs client failing to reach a broker as an error line', async () => {
    const { logger, lines } = capture('info');
    const kafka = new Kafka({ ...kafkaClientConfig({ brokers: ['127.0.0.1:1'], clientId: 'unreachable' }), logCreator: kafkajsLogCreator(logger), retry: { retries: 0 } });
    const admin = kafka.admin();
    await expect(admin.connect()).rejects.toThrow();
    const connectionError = lines.find((l) => String(l.msg).startsWith('[Connection] Connection error'));
    expect(connectionError).toMatchObject({ level: 'error', kafka: { broker: '127.0.0.1:1', clientId: 'unreachable' } });
    await admin.disconnect();
  });
});
