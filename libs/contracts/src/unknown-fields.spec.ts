import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { compiledCheck } from './compiled-check';
import { EnvelopeSchema } from './envelope.schema';
import { TOPIC_CONTRACTS } from './event-registry';
import { TOPICS, TopicName } from './topics';
import { assertPayload, ContractViolationError, parseEvent, passesCompiledChecks } from './validate-event';

/**
 * A stage of this release relays what a newer release added: every object of the payload keeps the
 * keys it does not know (the tolerant reader), while the fields it knows are judged as strictly as
 * ever. Before, zod stripped them and the compiled check sent such events to zod, so an old stage
 * deleted a new release's `pubStatus`, `embargoedUntil` or `weather.attribution` for good.
 */
type Json = Record<string, unknown>;
const EVENTS = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'pipeline-events.json'), 'utf8')) as Record<TopicName, Json[]>;
const ALL_TOPICS = Object.keys(TOPIC_CONTRACTS) as TopicName[];
/** The one key zod's loose objects lose (compiled-check.ts). */
const KEY_ZOD_DROPS = '__proto__';
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The seed story's event on `topic`, with media and a weather attribution, so every nested object of the contract is there. */
function fullEvent(topic: TopicName): Json {
  const event = copy(EVENTS[topic][2]);
  const payload = event.payload as Json;
  (payload.article as Json).media = [{ url: 'https://example.com/a.jpg', type: 'image', caption: 'Marrakech' }];
  if (payload.weather) {
    const weather = payload.weather as Json;
    weather.attribution = { text: 'Weather data by Open-Meteo.com', url: 'https://open-meteo.com/', licence: 'CC BY 4.0' };
    weather.current = { localTime: '2025-11-24T06:00', temperature: 13.01, weatherCode: 61, condition: 'light rain', icon: '10d' };
  }
  return event;
}

/** Adds `futureField` (an object, to show it is kept whole) to every object inside `value`; returns how many. */
function addUnknownEverywhere(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + addUnknownEverywhere(item), 0);
  if (typeof value !== 'object' || value === null) return 0;
  let added = 0;
  for (const child of Object.values(value)) added += addUnknownEverywhere(child);
  (value as Json).futureField = { added: 'by a later release', list: [1, 'two'] };
  return added + 1;
}

/** The event with an unknown key in every object of its payload and an unknown section before and after the known ones. */
function withUnknownKeys(topic: TopicName): { event: Json; added: number } {
  const event = fullEvent(topic);
  const payload = event.payload as Json;
  const added = addUnknownEverywhere(payload);
  const [first, ...rest] = Object.entries(payload);
  event.payload = Object.fromEntries([first, ['laterStage', { verdict: 'ok', score: 0.5 }], ...rest, ['lastStage', [1, 2]]]);
  return { event, added };
}

describe('unknown fields in consumed events', () => {
  it.each(ALL_TOPICS)('are kept at every level of a %s payload, and the event takes the fast path as it came', (topic) => {
    const { event, added } = withUnknownKeys(topic);
    const sent = JSON.stringify(event);
    // The seed's payload: the article, its source and media, and on later topics entities, mentions, geo, locations, weather days…
    expect(added).toBeGreaterThan(topic === TOPICS.articleReceived ? 3 : 40);
    expect(passesCompiledChecks(topic, event)).toBe(true);
    const parsed = parseEvent(topic, event);
    expect(parsed).toBe(event);
    expect(JSON.stringify(parsed)).toBe(sent);
    // What zod alone returns carries the same keys, so the fast path returned what zod would.
    const viaZod = { ...EnvelopeSchema.parse(event), payload: TOPIC_CONTRACTS[topic].payload.parse(event.payload) };
    expect(isDeepStrictEqual(viaZod, event)).toBe(true);
  });

  it('are kept by zod too, when the event takes the slow path (an unknown envelope key, which is dropped)', () => {
    const { event } = withUnknownKeys(TOPICS.articleWeatherAttached);
    const parsed = parseEvent(TOPICS.articleWeatherAttached, { ...event, envelopeExtra: 1 });
    expect(parsed).not.toHaveProperty('envelopeExtra');
    expect(parsed).toEqual(event);
    const payload = parsed.payload as unknown as Json;
    expect(payload.laterStage).toEqual({ verdict: 'ok', score: 0.5 });
    expect((payload.article as Json).futureField).toEqual({ added: 'by a later release', list: [1, 'two'] });
    expect(((payload.weather as { daily: Json[] }).daily[0]).futureField).toBeDefined();
  });

  it('keep a newer release\'s fields of the article and the weather (the audit: kills, embargoes, attribution) through a parse', () => {
    const event = fullEvent(TOPICS.articleWeatherAttached);
    const payload = event.payload as { article: Json; weather: Json };
    payload.article.retractedBy = { reason: 'legal', at: '2026-12-01T00:00:00Z' };
    payload.weather.attributionLogo = 'https://open-meteo.com/logo.svg';
    const parsed = parseEvent(TOPICS.articleWeatherAttached, JSON.parse(JSON.stringify(event))).payload as unknown as typeof payload;
    expect(parsed.article.retractedBy).toEqual({ reason: 'legal', at: '2026-12-01T00:00:00Z' });
    expect(parsed.weather.attributionLogo).toBe('https://open-meteo.com/logo.svg');
  });

  it('do not excuse a known field that breaks its contract, at any level', () => {
    const broken: Array<[string, (payload: { article: Json; enrichment: { entities: Array<{ mentions: Json[]; geo?: Json }>; primaryLocation: Json } }) => void, RegExp]> = [
      ['an article version of 0', (p) => { p.article.version = 0; }, /payload\.article\.version/],
      ['a media item without its url', (p) => { delete (p.article.media as Json[])[0].url; }, /payload\.article\.media\.0\.url/],
      ['a mention field outside its enum', (p) => { p.enrichment.entities[0].mentions[0].field = 'summary'; }, /payload\.enrichment\.entities\.0\.mentions\.0\.field/],
      ['a latitude of 91', (p) => { p.enrichment.primaryLocation.lat = 91; }, /payload\.enrichment\.primaryLocation\.lat/],
      ['a headline of 1,001 characters', (p) => { p.article.headline = 'a'.repeat(1001); }, /payload\.article\.headline/],
    ];
    for (const [, breakIt, named] of broken) {
      const { event } = withUnknownKeys(TOPICS.articleEnriched);
      breakIt(event.payload as never);
      expect(passesCompiledChecks(TOPICS.articleEnriched, event)).toBe(false);
      expect(() => parseEvent(TOPICS.articleEnriched, event)).toThrow(named);
    }
  });

  it('do not include a value a known enum does not list: a future pubStatus or weather status is refused, not passed on', () => {
    for (const [topic, change, named] of [
      [TOPICS.articleReceived, (p: Json) => { (p.article as Json).pubStatus = 'recalled'; }, /payload\.article\.pubStatus/],
      [TOPICS.articleWeatherAttached, (p: Json) => { (p.weather as Json).status = 'partly-attached'; }, /payload\.weather\.status/],
    ] as const) {
      const event = fullEvent(topic);
      change(event.payload as Json);
      expect(passesCompiledChecks(topic, event)).toBe(false);
      expect(() => parseEvent(topic, event)).toThrow(ContractViolationError);
      expect(() => parseEvent(topic, event)).toThrow(named);
    }
  });

  it(`are never a ${KEY_ZOD_DROPS} key, which zod loses: such an event goes to zod and loses it, at any level`, () => {
    for (const path of [[], ['article'], ['article', 'source'], ['enrichment', 'entities', 0, 'geo']]) {
      const { event } = withUnknownKeys(TOPICS.articleEnriched);
      const holder = path.reduce<Json>((at, key) => at[key as string] as Json, event.payload as Json);
      const text = JSON.stringify(event).replace(JSON.stringify(holder).slice(0, -1), `${JSON.stringify(holder).slice(0, -1)},"${KEY_ZOD_DROPS}":{"polluted":true}`);
      const hostile = JSON.parse(text) as Json;
      expect(text).toContain(KEY_ZOD_DROPS);
      expect(passesCompiledChecks(TOPICS.articleEnriched, hostile)).toBe(false);
      const parsed = parseEvent(TOPICS.articleEnriched, hostile);
      expect(JSON.stringify(parsed)).not.toContain(KEY_ZOD_DROPS);
      expect(({} as Json).polluted).toBeUndefined();
    }
  });
});

describe('the compiled check on values with unknown keys', () => {
  const sections: Array<[string, z.ZodType, (event: Json) => unknown]> = [
    ['article', TOPIC_CONTRACTS[TOPICS.articleReceived].payload.shape.article, (e) => (e.payload as Json).article],
    ['enrichment', TOPIC_CONTRACTS[TOPICS.articleEnriched].payload.shape.enrichment, (e) => (e.payload as Json).enrichment],
    ['weather', TOPIC_CONTRACTS[TOPICS.articleWeatherAttached].payload.shape.weather, (e) => (e.payload as Json).weather],
    ['indexing', TOPIC_CONTRACTS[TOPICS.articleIndexed].payload.shape.indexing, (e) => (e.payload as Json).indexing],
  ];

  it.each(sections)('agrees with zod on the %s section: passes it, and zod returns it unchanged', (_name, schema, pick) => {
    const section = pick(withUnknownKeys(TOPICS.articleIndexed).event);
    expect(compiledCheck(schema)(section)).toBe(true);
    const parsed = schema.safeParse(section);
    expect(parsed.success && isDeepStrictEqual(parsed.data, section)).toBe(true);
  });

  it('still closes the envelope, whose unknown keys zod drops', () => {
    const event = { ...fullEvent(TOPICS.articleReceived), envelopeExtra: 1 };
    expect(passesCompiledChecks(TOPICS.articleReceived, event)).toBe(false);
    expect(EnvelopeSchema.parse(event)).not.toHaveProperty('envelopeExtra');
  });
});

describe('assertPayload passing on unknown fields', () => {
  it('keeps the consumed sections, the unknown one among them, as the same objects in the same order, and adds the new one', () => {
    const { event: consumed } = withUnknownKeys(TOPICS.articleWeatherAttached);
    const parsed = parseEvent(TOPICS.articleWeatherAttached, consumed);
    const indexing = { collection: 'search_articles', indexedAt: '2026-12-07T01:14:23.000Z' };
    const payload = { ...parsed.payload, indexing };
    const valid = assertPayload(TOPICS.articleIndexed, payload, parsed) as unknown as Json;
    expect(Object.keys(valid)).toEqual([...Object.keys(consumed.payload as Json), 'indexing']);
    for (const key of Object.keys(consumed.payload as Json)) expect(valid[key]).toBe((consumed.payload as Json)[key]);
    expect(valid.indexing).toBe(indexing);
  });

  it('keeps the unknown sections of a payload stored and republished later (weather\'s backfill: no consumed event), and still judges the new section', () => {
    const { event: consumed } = withUnknownKeys(TOPICS.articleEnriched);
    const stored = JSON.parse(JSON.stringify(consumed.payload)) as Json;
    const weather = (EVENTS[TOPICS.articleWeatherAttached][2].payload as Json).weather;
    const republished = assertPayload(TOPICS.articleWeatherAttached, { ...stored, weather } as never, { correlationId: 'c' } as never) as unknown as Json;
    expect(republished).toEqual({ ...(consumed.payload as Json), weather });
    expect(Object.keys(republished)).toEqual([...Object.keys(consumed.payload as Json), 'weather']);
  });

  it('keeps unknown keys inside the stage\'s own section, and still judges its known fields', () => {
    const consumed = parseEvent(TOPICS.articleReceived, fullEvent(TOPICS.articleReceived));
    const enrichment = (EVENTS[TOPICS.articleEnriched][2].payload as Json).enrichment as Json;
    const ownUnknown = { ...enrichment, enricherHints: ['kept: the stage set it'] };
    expect((assertPayload(TOPICS.articleEnriched, { ...consumed.payload, enrichment: ownUnknown }, consumed) as unknown as Json).enrichment).toBe(ownUnknown);
    expect(() => assertPayload(TOPICS.articleEnriched, { ...consumed.payload, enrichment: { ...ownUnknown, status: 'done' } }, consumed))
      .toThrow(/payload\.enrichment\.status/);
    expect(() => assertPayload(TOPICS.articleEnriched, { article: consumed.payload.article }, consumed)).toThrow(/payload\.enrichment/);
  });

  it('keeps unknown keys of a payload published without a consumed event (ingest), and refuses one that is no object', () => {
    const { event } = withUnknownKeys(TOPICS.articleReceived);
    const payload = event.payload as Json;
    const valid = assertPayload(TOPICS.articleReceived, payload as never) as unknown as Json;
    expect(valid).toEqual(payload);
    expect(valid.article).toBe(payload.article);
    expect(() => assertPayload(TOPICS.articleReceived, 'not an object' as never)).toThrow(ContractViolationError);
  });
});
