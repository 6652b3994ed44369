import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureTopics } from '@newsflow/messaging';
import { TopicReader } from '../support/topic-reader';
import { requireEnv, unique } from '../support/unique';

const ROOT = join(__dirname, '..', '..');

/**
 * A process that loads the messaging library as a service does, then produces with plain kafkajs.
 * It reports which checksum kafkajs's record batches got; the broker verifies each batch's CRC and
 * refuses a wrong one (CORRUPT_MESSAGE), so a message read back proves the checksum right. Run in
 * its own Node process because jest loads modules through a registry of its own.
 */
const PRODUCER = `
require('@newsflow/messaging');
const { Kafka, logLevel } = require('kafkajs');
const [brokers, topic, key, value] = process.argv.slice(1);
(async () => {
  const producer = new Kafka({ clientId: 'crc-check', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ key, value }] });
  await producer.disconnect();
  const checksum = require.cache[require.resolve('kafkajs/src/protocol/recordBatch/crc32C/index.js')].exports;
  console.log(JSON.stringify({ native: checksum[Symbol.for('newsflow.kafkajs.nativeCrc32c')] === true }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe('kafkajs with the native CRC-32C', () => {
  const brokers = requireEnv('KAFKA_BROKERS');
  const topic = unique('it-crc');

  beforeAll(() => ensureTopics(brokers.split(','), [topic], { partitions: 1, replicationFactor: 1 }));

  it('checksums what a service produces natively, and the broker accepts it', async () => {
    const key = unique('article');
    const value = JSON.stringify({ body: 'MARRAKECH, Morocco — '.repeat(700) });
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', PRODUCER, brokers, topic, key, value], { cwd: ROOT });
    expect(JSON.parse(stdout)).toEqual({ native: true });

    const reader = await TopicReader.start([topic]);
    try {
      const read = await reader.waitForMessage((m) => m.key === key, 'the message produced with the native checksum');
      expect(read.value).toBe(value);
    } finally {
      await reader.stop();
    }
  });
});
