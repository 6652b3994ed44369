import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureTopics, TOPIC_MAX_MESSAGE_BYTES } from '@newsflow/messaging';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { requireEnv, unique } from '../support/unique';

const { settings } = require('../../tools/infra/paths') as { settings: () => { cacheDir: string } };

const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', 'tools', 'infra', 'cli.js');
const cli = (...args: string[]) => run(process.execPath, [CLI, 'kafka-configs', ...args], { env: process.env, timeout: 120_000 })
  .then(({ stdout }) => ({ code: 0, stdout, stderr: '' }), (error: { code: number; stdout: string; stderr: string }) => error);

/**
 * The runbook's takedown step shortens a topic's retention with Kafka's own tool, which changes only
 * the keys given. An install from Maven Central has the jars but no `kafka-configs.sh`: the infra
 * CLI runs the same tool from them.
 */
describe('npm run infra -- kafka-configs', () => {
  const brokers = requireEnv('KAFKA_BROKERS').split(',');
  // Under Docker the broker is a container and `up` installed no jars here: then the CLI must say so.
  const cacheDir: string = settings().cacheDir;
  const libsInstalled = existsSync(cacheDir) && readdirSync(cacheDir).some((dir) => dir.startsWith('kafka-') && existsSync(join(cacheDir, dir, '.complete')));

  it('alters one key of a topic and leaves its other settings as they were', async () => {
    const topic = unique('it-configs');
    await ensureTopics(brokers, [topic], { partitions: 1, replicationFactor: 1 });
    const altered = await cli('--bootstrap-server', brokers[0], '--alter', '--entity-type', 'topics', '--entity-name', topic, '--add-config', 'retention.ms=3600000');
    if (!libsInstalled) {
      expect(altered.code).not.toBe(0);
      expect(altered.stderr).toMatch(/npm run infra -- up/);
      return;
    }
    expect(altered.code).toBe(0);
    const admin = new Kafka({ clientId: 'it-configs', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
      const value = (name: string) => described.resources[0].configEntries.find((e) => e.configName === name)?.configValue;
      expect(value('retention.ms')).toBe('3600000');
      expect(value('max.message.bytes')).toBe(String(TOPIC_MAX_MESSAGE_BYTES));
      await admin.deleteTopics({ topics: [topic] });
    } finally {
      await admin.disconnect();
    }
  });

  it('fails with the tool\'s own exit code for a topic that does not exist', async () => {
    const answer = await cli('--describe', '--entity-type', 'topics', '--entity-name', unique('it-missing'));
    expect(answer.code).not.toBe(0);
  });
});
