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
 * A stage of this release between two of a newer one: what the newer release added to the article
 * and a section of a stage this release does not know reach the next stage as they came. Before,
 * the relay deleted both (zod stripped them), and every stage after it saw the stripped copy.
 */
type Json = Record<string, unknown>;
const inbox = { seen: async () => false, remember: async () => undefined } as unknown as InboxStore;
const parked: string[] = [];
const deadLetters = { park: async (_context: unknown, reason: { message: string }) => { parked.push(reason.message); } } as unknown as DeadLetterPublisher;
const options = { brokers: [], service: 'enricher', serviceVersion: 'test', groupId: 'g' };
const enrichment: Enrichment = { status: 'enriched', language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: '2026-12-07T10:00:00.000Z' };

/** A received event of a newer ingest: a field in the article, one in its source, and a section after the article. */
function newerReceivedEvent(): Json {
  const article = { ...makeArticle({ pubStatus: 'canceled', embargoedUntil: '2030-01-01T00:00:00Z' }), futureField: { desk: 'kill', reasons: ['legal'] } };
  (article.source as Json).futureRegion = 'EMEA';
  return makeEnvelope(TOPICS.articleReceived, { article, futureSection: { by: 'a later stage', score: 0.25 } } as never) as unknown as Json;
}

/** Consumes `value` as the enricher does and publishes its section on, as enrich-article.message.controller does; the message it sent. */
async function relay(value: Buffer): Promise<{ sent: Buffer | string; passedOnJson: string }> {
  const sendBatch = jest.fn().mockResolvedValue([]);
  const client = { connect: async () => ({ sendBatch }) as unknown as Producer } as unknown as ClientKafka;
  const publisher = new EventPublisher(client, options);
  const consumer = new EventConsumer(inbox, deadLetters, options);
  let passedOnJson = '';
  await consumer.consume(TOPICS.articleReceived, value, {} as KafkaContext, async (event) => {
    passedOnJson = payloadJson(event.payload);
    await publisher.publish(TOPICS.articleEnriched, { ...event.payload, enrichment }, event);
  });
  expect(parked).toEqual([]);
  expect(sendBatch).toHaveBeenCalledTimes(1);
  return { sent: sendBatch.mock.calls[0][0].topicMessages[0].messages[0].value, passedOnJson };
}

describe('a stage relaying an event of a newer release', () => {
  it('passes on an unknown article field and an unknown section byte for byte, appending its own section to the consumed bytes', async () => {
    const consumed = newerReceivedEvent();
    const text = JSON.stringify(consumed);
    const { sent, passedOnJson } = await relay(Buffer.from(text));
    expect(Buffer.isBuffer(sent)).toBe(true);
    const payloadText = JSON.stringify(consumed.payload);
    expect(passedOnJson).toBe(payloadText);
    expect(sent.toString()).toContain(`"payload":${payloadText.slice(0, -1)},"enrichment":${JSON.stringify(enrichment)}}}`);
    const published = JSON.parse(sent.toString()) as { type: string; payload: Json };
    expect(published.type).toBe('article.enriched');
    expect(published.payload).toEqual({ ...(consumed.payload as Json), enrichment });
    expect(Object.keys(published.payload)).toEqual(['article', 'futureSection', 'enrichment']);
    const article = published.payload.article as Json;
    expect(article).toMatchObject({ pubStatus: 'canceled', embargoedUntil: '2030-01-01T00:00:00Z', futureField: { desk: 'kill', reasons: ['legal'] } });
    expect((article.source as Json).futureRegion).toBe('EMEA');
  });

  it('passes them on as well when the event takes zod\'s path (another producer\'s envelope key), serialised again', async () => {
    const consumed = { ...newerReceivedEvent(), envelopeNote: 'dropped' };
    const { payload, ...rest } = consumed;
    const { sent, passedOnJson } = await relay(Buffer.from(JSON.stringify({ ...rest, payload })));
    expect(typeof sent).toBe('string');
    expect(JSON.parse(passedOnJson)).toEqual(payload);
    const published = JSON.parse(sent.toString()) as Json & { payload: Json };
    expect(published).not.toHaveProperty('envelopeNote');
    expect(published.payload).toEqual({ ...(payload as Json), enrichment });
  });
});
