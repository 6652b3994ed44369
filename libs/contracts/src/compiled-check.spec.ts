import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { compiledCheck } from './compiled-check';
import { EnvelopeSchema } from './envelope.schema';
import { TOPIC_CONTRACTS } from './event-registry';
import { TopicName } from './topics';
import { assertPayload, ContractViolationError, parseEvent, passesCompiledChecks } from './validate-event';

/** What the four stages published for the repository's three sample stories (the seed among them), read off the topics. */
const EVENTS = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'pipeline-events.json'), 'utf8')) as Record<TopicName, Array<Record<string, unknown>>>;
const TOPICS = Object.keys(TOPIC_CONTRACTS) as TopicName[];

/** One schema object per topic: the compiled check is cached per schema object. */
const EVENT_SCHEMAS = Object.fromEntries(TOPICS.map((topic) =>
  [topic, EnvelopeSchema.extend({ type: z.literal(TOPIC_CONTRACTS[topic].eventType), payload: TOPIC_CONTRACTS[topic].payload })])) as Record<TopicName, z.ZodType>;
const eventSchema = (topic: TopicName) => EVENT_SCHEMAS[topic];

/** Where two JSON-like values first differ, for a readable failure. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return `${path}: ${String(a)} vs ${String(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return Object.keys(a).join() === Object.keys(b).join() ? undefined : `${path}: key order`;
}

/** The fast path's promise: a value it passes is one zod accepts and returns unchanged. */
function expectNoMoreLenientThanZod(schema: z.ZodType, value: unknown, fast = compiledCheck(schema)(value)): { fast: boolean; zod: boolean } {
  const parsed = schema.safeParse(value);
  if (fast && !(parsed.success && isDeepStrictEqual(parsed.data, value))) {
    throw new Error(`the compiled check passed what zod ${parsed.success ? 'changes' : 'refuses'}: ${parsed.success ? firstDifference(parsed.data, value) : JSON.stringify(parsed.error.issues).slice(0, 600)}`);
  }
  return { fast, zod: parsed.success };
}

/** The same for a whole consumed event, whose fast path checks the envelope and each section apart. */
const expectEventNoMoreLenientThanZod = (topic: TopicName, value: unknown) =>
  expectNoMoreLenientThanZod(eventSchema(topic), value, passesCompiledChecks(topic, value));

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Container = Record<string, unknown> | unknown[];

/** Every object and array inside `value`, with the keys it holds. */
function containers(value: unknown, out: Container[] = []): Container[] {
  if (value && typeof value === 'object') {
    out.push(value as Container);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

const REPLACEMENTS: unknown[] = [
  null, 0, -1, 1.5, 2 ** 53 + 2, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', true, [], {},
  'a'.repeat(199) + '\u{1F600}', 'a'.repeat(999) + '\u{1F600}', 'ab', 'abc', 'US', '\u{1F600}',
  '2025-02-30T00:00:00Z', '2025-11-24T09:00:00', '2025-11-24T09:00:00+01:00', '2025-11-24', '2025-13-01',
  'not-a-uuid', '6BA7B810-9DAD-11D1-80B4-00C04FD430C8', '00000000-0000-0000-0000-000000000000',
  'http://exa mple.com', 'example.com', 'ftp://example.com/a', 'https://example.com/x?y=1',
  'person', 'organization', 'place', 'celsius', 'enriched', 'skipped', 'attached',
];

function mutate(value: unknown, random: () => number): unknown {
  // Not structuredClone: under jest its objects come from another realm, and deep equality compares prototypes.
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const all = containers(copy);
  const target = all[Math.floor(random() * all.length)];
  const keys = Object.keys(target);
  const key = keys[Math.floor(random() * keys.length)];
  const choice = random();
  if (Array.isArray(target)) {
    if (choice < 0.2) target.length = 0;
    else if (keys.length) target[Number(key)] = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
  } else if (choice < 0.2 && key !== undefined) {
    delete target[key];
  } else if (choice < 0.3) {
    target[`unknown${Math.floor(random() * 3)}`] = 'extra';
  } else if (key !== undefined) {
    target[key] = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
  }
  return copy;
}

describe('compiledCheck', () => {
  it.each(TOPICS)('passes every event the pipeline published on %s, as zod does', (topic) => {
    for (const event of EVENTS[topic]) {
      expect(expectEventNoMoreLenientThanZod(topic, event)).toEqual({ fast: true, zod: true });
    }
  });

  it.each(TOPICS)('never passes a mutated %s event that zod refuses or would change (3,000 seeded mutations)', (topic) => {
    const random = mulberry32(TOPICS.indexOf(topic) + 1);
    const seen = { fastAccepted: 0, zodRefused: 0, zodAcceptedFastRefused: 0 };
    for (let i = 0; i < 3000; i += 1) {
      const source = EVENTS[topic][i % EVENTS[topic].length];
      const { fast, zod } = expectEventNoMoreLenientThanZod(topic, mutate(source, random));
      if (fast) seen.fastAccepted += 1;
      if (!zod) seen.zodRefused += 1;
      if (zod && !fast) seen.zodAcceptedFastRefused += 1;
    }
    // The mutations reach both sides: some stay valid, many are refused, and some only zod accepts (keys it strips).
    expect(seen.fastAccepted).toBeGreaterThan(100);
    expect(seen.zodRefused).toBeGreaterThan(1000);
    expect(seen.zodAcceptedFastRefused).toBeGreaterThan(10);
  });

  it('counts a string\'s length in code points, as zod does', () => {
    const article = (EVENTS['news.articles.received.v1'][2].payload as { article: Record<string, unknown> }).article;
    const schema = TOPIC_CONTRACTS['news.articles.received.v1'].payload;
    const withHeadline = (headline: string) => ({ article: { ...article, headline } });
    // The limit is 1,000: 1,001 UTF-16 units holding 1,000 code points pass, 1,001 code points do not.
    expect(expectNoMoreLenientThanZod(schema, withHeadline('a'.repeat(999) + '\u{1F600}'))).toEqual({ fast: true, zod: true });
    expect(expectNoMoreLenientThanZod(schema, withHeadline('a'.repeat(1000) + '\u{1F600}'))).toEqual({ fast: false, zod: false });
    // A lone surrogate counts as one in both.
    expect(expectNoMoreLenientThanZod(schema, withHeadline('a'.repeat(999) + '\ud83d'))).toEqual({ fast: true, zod: true });
    expect(expectNoMoreLenientThanZod(schema, withHeadline('a'.repeat(999) + '\ud83d\ud83d'))).toEqual({ fast: false, zod: false });
  });

  it('refuses NaN and infinite numbers, which zod refuses and JSON cannot carry', () => {
    const weather = (EVENTS['news.articles.weather.v1'][2].payload as { weather: { current: Record<string, unknown> } }).weather;
    const schema = TOPIC_CONTRACTS['news.articles.weather.v1'].payload.shape.weather;
    for (const temperature of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const section = { ...weather, current: { ...weather.current, temperature } };
      expect(expectNoMoreLenientThanZod(schema, section)).toEqual({ fast: false, zod: false });
    }
  });

  it('checks article URLs with zod\'s own URL rule', () => {
    const article = (EVENTS['news.articles.received.v1'][2].payload as { article: Record<string, unknown> }).article;
    const schema = TOPIC_CONTRACTS['news.articles.received.v1'].payload;
    for (const url of ['https://example.com/story?id=1', 'http://exa mple.com', 'example.com', 'mailto:desk@example.com']) {
      const verdicts = expectNoMoreLenientThanZod(schema, { article: { ...article, url } });
      expect(verdicts.fast).toBe(verdicts.zod);
    }
  });
});

describe('parseEvent and assertPayload with the compiled check', () => {
  it.each(TOPICS)('return a valid %s event as it came, equal to what zod returns', (topic) => {
    for (const event of EVENTS[topic]) {
      const parsed = parseEvent(topic, event);
      expect(parsed).toBe(event);
      const viaZod = { ...EnvelopeSchema.parse(event), payload: TOPIC_CONTRACTS[topic].payload.parse(event.payload) };
      expect(parsed).toStrictEqual(viaZod);
    }
  });

  it('still strips a key zod strips, and still names what is wrong', () => {
    const event = EVENTS['news.articles.weather.v1'][2];
    const extra = { ...event, extra: 1 };
    const parsed = parseEvent('news.articles.weather.v1', extra);
    expect(parsed).not.toHaveProperty('extra');
    expect(parsed).toStrictEqual(event);
    const broken = { ...event, articleVersion: 0 };
    expect(() => parseEvent('news.articles.weather.v1', broken)).toThrow(/articleVersion/);
  });

  it('keeps a new section that passes as it is, and refuses one with NaN as before', () => {
    const consumed = EVENTS['news.articles.enriched.v1'][2];
    const weather = (EVENTS['news.articles.weather.v1'][2].payload as { weather: { current: Record<string, unknown> } }).weather;
    const payload = { ...(consumed.payload as object), weather };
    const valid = assertPayload('news.articles.weather.v1', payload, consumed as { payload: unknown }) as { weather: unknown };
    expect(valid.weather).toBe(weather);
    const broken = { ...payload, weather: { ...weather, current: { ...weather.current, temperature: Number.NaN } } };
    expect(() => assertPayload('news.articles.weather.v1', broken, consumed as { payload: unknown })).toThrow(ContractViolationError);
  });
});
