import { parseEvent, TOPICS, TopicName } from '@newsflow/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeMessageValue, envelopeValue, payloadJson, rememberPayloadBytes } from './payload-json';

/** What the four stages published for the repository's sample stories (libs/contracts/src/fixtures). */
const EVENTS = JSON.parse(readFileSync(join(__dirname, '..', '..', 'contracts', 'src', 'fixtures', 'pipeline-events.json'), 'utf8')) as Record<
  TopicName,
  Array<{ payload: Record<string, unknown> } & Record<string, unknown>>
>;
/** Each stage: what it consumes, what it publishes, and the section it adds. */
const STAGES: Array<[TopicName, TopicName, string]> = [
  [TOPICS.articleReceived, TOPICS.articleEnriched, 'enrichment'],
  [TOPICS.articleEnriched, TOPICS.articleWeatherAttached, 'weather'],
  [TOPICS.articleWeatherAttached, TOPICS.articleIndexed, 'indexing'],
];

/** `event` as a newer release would publish it: a key of its own in every object of the payload, and a section after the first. */
function withUnknownKeys<E extends { payload: Record<string, unknown> }>(event: E): E {
  const copy = JSON.parse(JSON.stringify(event)) as E;
  const mark = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    Object.values(value).forEach(mark);
    if (!Array.isArray(value)) (value as Record<string, unknown>).addedLater = { n: 1 };
  };
  mark(copy.payload);
  const [first, ...rest] = Object.entries(copy.payload);
  return { ...copy, payload: Object.fromEntries([first, ['laterSection', ['x', 2]], ...rest]) };
}

/** A message as a consumer gets it, decoded and validated the way EventConsumer does. */
function consume(topic: TopicName, text: string) {
  const decoded = decodeMessageValue(Buffer.from(text));
  const event = parseEvent(topic, decoded.value);
  if (decoded.bytes !== undefined && event === decoded.value) rememberPayloadBytes(event, decoded.bytes);
  return event as unknown as { payload: Record<string, unknown> } & Record<string, unknown>;
}

describe('decodeMessageValue', () => {
  it('decodes as Nest\'s Kafka parser does, and keeps the bytes of JSON only', () => {
    expect(decodeMessageValue(null)).toEqual({ value: null });
    const framed = Buffer.from([0, 1, 2]);
    expect(decodeMessageValue(framed).value).toBe(framed);
    expect(decodeMessageValue(Buffer.from('plain text'))).toEqual({ value: 'plain text' });
    expect(decodeMessageValue(Buffer.from('{"broken":'))).toEqual({ value: '{"broken":' });
    const json = Buffer.from('{"a":[1,"é"]}');
    expect(decodeMessageValue(json)).toEqual({ value: { a: [1, 'é'] }, bytes: json });
    const parsed = { already: 'parsed' };
    expect(decodeMessageValue(parsed)).toEqual({ value: parsed });
  });
});

describe('a stage passing on what it consumed', () => {
  it.each(STAGES)('from %s to %s publishes exactly what JSON.stringify would, without serialising the consumed sections again', (from, to, section) => {
    for (const [i, published] of EVENTS[from].entries()) {
      const event = consume(from, JSON.stringify(published));
      const added = EVENTS[to][i].payload[section];
      const payload = { ...event.payload, [section]: added };
      const envelope = { ...EVENTS[to][i], payload };
      const value = envelopeValue(envelope, event.payload);
      expect(Buffer.isBuffer(value)).toBe(true);
      expect(value.toString()).toBe(JSON.stringify(envelope));
      // The indexer's stored document is the consumed payload's text.
      expect(payloadJson(event.payload)).toBe(JSON.stringify(event.payload));
    }
  });

  it.each(STAGES)('from %s to %s keeps the consumed bytes when a newer release added keys at every level and a section', (from, to, section) => {
    for (const [i, published] of EVENTS[from].entries()) {
      const newer = withUnknownKeys(published);
      const event = consume(from, JSON.stringify(newer));
      expect(payloadJson(event.payload)).toBe(JSON.stringify(newer.payload));
      const payload = { ...event.payload, [section]: EVENTS[to][i].payload[section] };
      const value = envelopeValue({ ...EVENTS[to][i], payload }, event.payload);
      expect(Buffer.isBuffer(value)).toBe(true);
      expect(value.toString()).toContain(`"payload":${JSON.stringify(newer.payload).slice(0, -1)},`);
      expect(JSON.parse(value.toString()).payload).toEqual({ ...newer.payload, [section]: EVENTS[to][i].payload[section] });
    }
  });

  it('keeps the unknown keys when zod had to copy the event (an unknown envelope key), serialising the payload again', () => {
    const newer = { ...withUnknownKeys(EVENTS[TOPICS.articleEnriched][2]), extra: true };
    const consumed = consume(TOPICS.articleEnriched, JSON.stringify(newer));
    expect(consumed).not.toHaveProperty('extra');
    expect(JSON.parse(payloadJson(consumed.payload))).toEqual(newer.payload);
    const envelope = { ...consumed, payload: { ...consumed.payload, weather: { status: 'no-location' } } };
    const value = envelopeValue(envelope, consumed.payload);
    expect(typeof value).toBe('string');
    expect(JSON.parse(value.toString()).payload).toEqual({ ...newer.payload, weather: { status: 'no-location' } });
  });

  it('keeps another producer\'s spacing inside the payload, the same JSON values', () => {
    const event = EVENTS[TOPICS.articleEnriched][2];
    const { payload, ...rest } = event;
    const text = `${JSON.stringify(rest).slice(0, -1)},"payload":${JSON.stringify(payload, null, 2)}}`;
    const consumed = consume(TOPICS.articleEnriched, text);
    const weather = EVENTS[TOPICS.articleWeatherAttached][2].payload.weather;
    const envelope = { ...EVENTS[TOPICS.articleWeatherAttached][2], payload: { ...consumed.payload, weather } };
    const value = envelopeValue(envelope, consumed.payload);
    expect(Buffer.isBuffer(value)).toBe(true);
    expect(value.toString()).not.toBe(JSON.stringify(envelope));
    expect(JSON.parse(value.toString())).toEqual({ ...envelope, payload: { ...payload, weather } });
  });

  it.each([
    // JSON.parse keeps the last value at the first one's place, here the end: only the count tells.
    ['the "payload" key twice', (rest: string, payload: string) => `${rest.slice(0, -1)},"payload":{"article":{}},"payload":${payload}}`],
    ['a space after the key', (rest: string, payload: string) => `${rest.slice(0, -1)},"payload": ${payload}}`],
    ['the payload not last', (rest: string, payload: string) => `{"payload":${payload},${rest.slice(1)}`],
    ['a space before the closing brace', (rest: string, payload: string) => `${rest.slice(0, -1)},"payload":${payload} }`],
    // The literal key occurs once; the escaped one is a second copy that JSON.parse keeps.
    ['an escaped "payload" key after it', (rest: string, payload: string) => `${rest.slice(0, -1)},"payload":{"article":{}},"pay\\u006coad":${payload}}`],
    ['an escaped "payload" key before it', (rest: string, payload: string) => `${rest.slice(0, -1)},"\\u0070ayload":{"article":{}},"payload":${payload}}`],
    ['the only "payload" key escaped', (rest: string, payload: string) => `${rest.slice(0, -1)},"payl\\u006fad":${payload}}`],
    ['a key repeated inside the payload', (rest: string, payload: string) => `${rest.slice(0, -1)},"payload":{"article":{"headline":"first copy"},${payload.slice(1)}}`],
  ])('serialises again when the message has %s', (_case, build) => {
    const { payload, ...rest } = EVENTS[TOPICS.articleEnriched][2];
    const consumed = consume(TOPICS.articleEnriched, build(JSON.stringify(rest), JSON.stringify(payload)));
    expect(consumed.payload).toEqual(payload);
    const envelope = { ...rest, payload: { ...consumed.payload, weather: { status: 'skipped' } } };
    expect(envelopeValue(envelope, consumed.payload)).toBe(JSON.stringify(envelope));
    expect(payloadJson(consumed.payload)).toBe(JSON.stringify(consumed.payload));
  });

  it('keeps the bytes when strings inside the payload hold quotes, backslashes, braces and "payload":', () => {
    const event = JSON.parse(JSON.stringify(EVENTS[TOPICS.articleEnriched][2])) as { payload: { article: Record<string, unknown> } } & Record<string, unknown>;
    event.payload.article.body = 'He typed "payload":{"x":1}} and C:\\dir\\ then \\"} [[{ and \u00e9';
    const text = JSON.stringify(event);
    const consumed = consume(TOPICS.articleEnriched, text);
    expect(payloadJson(consumed.payload)).toBe(JSON.stringify(event.payload));
    const envelope = { ...event, payload: { ...consumed.payload, weather: { status: 'skipped' } } };
    expect(Buffer.isBuffer(envelopeValue(envelope, consumed.payload))).toBe(true);
  });

  it('serialises again when a consumed section was replaced or the sections reordered', () => {
    const event = consume(TOPICS.articleEnriched, JSON.stringify(EVENTS[TOPICS.articleEnriched][2]));
    const { article, enrichment } = event.payload;
    const valueOf = (payload: Record<string, unknown>) => envelopeValue({ ...event, payload }, event.payload);
    expect(valueOf({ article: { ...(article as object) }, enrichment, weather: {} })).toBe(JSON.stringify({ ...event, payload: { article: { ...(article as object) }, enrichment, weather: {} } }));
    expect(typeof valueOf({ enrichment, article, weather: {} })).toBe('string');
    expect(typeof valueOf({ article })).toBe('string');
    expect(valueOf({ article, enrichment, weather: undefined }).toString()).toBe(JSON.stringify({ ...event, payload: { article, enrichment } }));
  });

  it('keeps no bytes for an event zod had to change (a key it strips)', () => {
    const event = { ...EVENTS[TOPICS.articleEnriched][2], extra: true };
    const consumed = consume(TOPICS.articleEnriched, JSON.stringify(event));
    expect(consumed).not.toHaveProperty('extra');
    expect(typeof envelopeValue({ ...consumed, payload: { ...consumed.payload, weather: {} } }, consumed.payload)).toBe('string');
  });
});
