import { ClientKafka, KafkaContext } from '@nestjs/microservices';
import { Enrichment, TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import { Producer } from 'kafkajs';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EventConsumer } from './event-consumer';
import { EventPublisher } from './event-publisher';
import { InboxStore } from './inbox.store';
import { payloadJson } from './payload-json';

/**
 * A message that repeats a key: JSON.parse keeps the last copy, and that is what the contract check
 * passed. A stage must pass on that copy and its own envelope, never the bytes of an earlier copy
 * (security audit, finding 1: an unvalidated article and a spoofed producer reached the final topic,
 * and the indexer stored text that was not JSON).
 */
type Json = Record<string, unknown>;
const inbox = { seen: async () => false, remember: async () => undefined } as unknown as InboxStore;
const deadLetters = { park: async () => { throw new Error('nothing here should be parked'); } } as unknown as DeadLetterPublisher;
const options = { brokers: [], service: 'enricher', serviceVersion: 'test', groupId: 'g' };
const enrichment: Enrichment = { status: 'enriched', language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: '2026-12-07T10:00:00.000Z' };

const valid = makeArticle({ headline: 'Smuggle test quokka', body: 'GENEVA (Wire) - The quokka story is harmless.' });
const evil = { ...valid, headline: 'EVIL UNVALIDATED', bodyHtml: '<script>alert("smuggled")</script>', junk: 'X'.repeat(1000) };
const received = makeEnvelope(TOPICS.articleReceived, { article: valid }, { producer: 'ingest@1.0.0' });
const head = JSON.stringify({ ...received, payload: undefined }).slice(0, -1);
const validPayload = JSON.stringify({ article: valid });
const evilPayload = JSON.stringify({ article: evil });
const spoofed = '"producer":"spoofed@6.6.6","occurredAt":"1999-01-01T00:00:00.000Z"';

/** Consumes `text` as the enricher does and publishes its section on; the message it sent and the payload text it held. */
async function relay(text: string): Promise<{ sent: string; fastPath: boolean; passedOnJson: string }> {
  const sendBatch = jest.fn().mockResolvedValue([]);
  const client = { connect: async () => ({ sendBatch }) as unknown as Producer } as unknown as ClientKafka;
  const publisher = new EventPublisher(client, options);
  const consumer = new EventConsumer(inbox, deadLetters, options);
  let passedOnJson = '';
  await consumer.consume(TOPICS.articleReceived, Buffer.from(text), {} as KafkaContext, async (event) => {
    passedOnJson = payloadJson(event.payload);
    await publisher.publish(TOPICS.articleEnriched, { ...event.payload, enrichment }, event);
  });
  expect(sendBatch).toHaveBeenCalledTimes(1);
  const value = sendBatch.mock.calls[0][0].topicMessages[0].messages[0].value as Buffer | string;
  return { sent: value.toString(), fastPath: Buffer.isBuffer(value), passedOnJson };
}

describe('a stage consuming a message that repeats a key', () => {
  it.each([
    // The audit's message: the escaped key is a second copy the byte search did not see.
    ['the audit\'s message: an unvalidated payload, spoofed envelope keys, then an escaped "payload" key', `${head},"payload":${evilPayload},${spoofed},"pay\\u006coad":${validPayload}}`],
    ['a duplicate envelope key after the payload (both payloads valid)', `${head},"payload":${validPayload},${spoofed},"pay\\u006coad":${validPayload}}`],
    ['a payload object that does not end at the message end', `${head},"payload":${evilPayload},"pay\\u006coad":${validPayload}}`],
    ['a key repeated inside the payload', `${head},"payload":{"article":${JSON.stringify(evil)},"article":${JSON.stringify(valid)}}}`],
  ])('passes on only the validated copy under its own envelope: %s', async (_case, text) => {
    const { sent, fastPath, passedOnJson } = await relay(text);
    expect(fastPath).toBe(false);
    expect(passedOnJson).toBe(validPayload);
    const published = JSON.parse(sent) as Json;
    expect(sent).toBe(JSON.stringify(published));
    expect(sent).not.toContain('EVIL');
    expect(sent).not.toContain('spoofed');
    expect(sent).not.toContain('1999-01-01');
    expect(sent.match(/"producer":/g)).toHaveLength(1);
    expect(published).toMatchObject({ type: 'article.enriched', producer: 'enricher@test', correlationId: received.correlationId });
    expect(published.payload).toEqual({ article: valid, enrichment });
  });

  it('still appends to the consumed bytes when nothing is repeated', async () => {
    const { sent, fastPath } = await relay(`${head},"payload":${validPayload}}`);
    expect(fastPath).toBe(true);
    expect(sent).toContain(`"payload":${validPayload.slice(0, -1)},"enrichment":`);
  });
});
