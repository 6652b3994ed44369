// One hop of the baseline: consume a topic and produce every message unchanged onto the next, doing
// no work. Run as its own process (like a service) so the baseline pays the same per-process costs.
// It uses what kafkajs offers for throughput (eachBatch, one send per batch, acks=all), so the
// baseline is what the client and broker allow here, not a copy of the services' design.
// usage: node bench/relay-hop.js <brokers> <from-topic> <to-topic> <group>
const { Kafka, logLevel, Partitioners } = require('kafkajs');
// The same fixes to kafkajs as the services have (its idle request-queue timer, the native checksum),
// so the baseline is not handicapped.
require('@newsflow/messaging/kafkajs-request-queue').fixKafkajsRequestQueueTimer();
require('@newsflow/messaging/kafkajs-crc32c').useNativeCrc32cInKafkajs();

async function main() {
  const [brokers, from, to, groupId] = process.argv.slice(2);
  if (!groupId) throw new Error('usage: relay-hop.js <brokers> <from-topic> <to-topic> <group>');
  const kafka = new Kafka({ clientId: `bench-relay-${from}`, brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: from, fromBeginning: true });
  consumer.on(consumer.events.GROUP_JOIN, () => process.send?.('joined'));
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    // Offsets resolve when the batch returns, i.e. after the broker acknowledged the copies: at least once, like the services.
    eachBatch: async ({ batch }) => {
      const messages = batch.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers }));
      await producer.send({ topic: to, acks: -1, messages });
    },
  });
  const stop = async () => {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
