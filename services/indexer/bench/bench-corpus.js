// Articles for the search benchmark. Word frequencies follow Zipf's law over a 20,000-word
// vocabulary, as in real text: a few words are in most articles, most words are rare. A uniform draw
// from a short list (the first version of this bench) put every query word in every article, which
// measured a worst case no news corpus has. The query words sit at fixed ranks, so how many articles
// each one matches is known: "minister" is common (in most articles), "police" at rank 100 (about one in five).
const { createHash } = require('node:crypto');

const VOCABULARY_SIZE = 20_000;
const RANKED = new Map([['minister', 20], ['police', 100], ['court', 300], ['strike', 700], ['election', 150], ['storm', 400], ['market', 60], ['festival', 1500]]);
const SYLLABLES = 'ka lo mi ra ven tor sil der pa nu gro bel fin hal mar ost quen ri sto vel'.split(' ');
const PLACES = [['place:2542997', 'Marrakech', 31.63, -8.01, 'MA'], ['place:2643743', 'London', 51.51, -0.13, 'GB'], ['place:2996944', 'Lyon', 45.75, 4.85, 'FR'], ['place:5128581', 'New York', 40.71, -74.01, 'US']];
const SOURCES = ['wire-a', 'wire-b', 'wire-c'];

/** mulberry32: small and fast; Math.random cannot be seeded. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildVocabulary() {
  const random = seededRandom(1);
  const words = [];
  const seen = new Set(RANKED.keys());
  while (words.length < VOCABULARY_SIZE) {
    const length = 2 + Math.floor(random() * 3);
    const word = Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
    if (!seen.has(word)) { seen.add(word); words.push(word); }
  }
  for (const [word, rank] of RANKED) words.splice(rank - 1, 0, word);
  words.length = VOCABULARY_SIZE;
  let total = 0;
  const cumulative = words.map((_, i) => (total += 1 / (i + 1)));
  return { words, cumulative, total };
}

const VOCABULARY = buildVocabulary();

function zipfWord(random) {
  const target = random() * VOCABULARY.total;
  let low = 0;
  let high = VOCABULARY.cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (VOCABULARY.cumulative[middle] < target) low = middle + 1;
    else high = middle;
  }
  return VOCABULARY.words[low];
}

const words = (n, random) => Array.from({ length: n }, () => zipfWord(random)).join(' ');
const pick = (list, random) => list[Math.floor(random() * list.length)];

/** The weather-stage payload the indexer consumes, for the i-th bench article. */
function benchPayload(i, random) {
  const [id, name, lat, lon, countryCode] = pick(PLACES, random);
  const headline = `${words(8, random)} ${i}`;
  const body = `${name.toUpperCase()} (Bench) - ${words(250 + Math.floor(random() * 500), random)}`;
  const article = { id: `bench-${i}`, version: 1, source: { id: pick(SOURCES, random) }, sourceItemId: `b-${i}`, headline, body,
    language: 'en', publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), receivedAt: new Date().toISOString(),
    contentHash: createHash('sha256').update(headline + body).digest('hex') };
  const place = { id, type: 'place', name, surfaceForms: [name], mentions: [], mentionCount: 1, salience: 0.9, geo: { lat, lon, countryCode } };
  const person = { id: `person:p${i % 50}`, type: 'person', name: `Person ${i % 50}`, surfaceForms: [], mentions: [], mentionCount: 1, salience: 0.5 };
  return { article, enrichment: { status: 'enriched', language: 'en', entities: [place, person], enricherVersion: 'bench', enrichedAt: new Date().toISOString(),
    primaryLocation: { name, entityId: id, lat, lon, countryCode, confidence: 0.9, reason: 'dateline' } }, weather: { status: 'no-location' } };
}

module.exports = { benchPayload, seededRandom };
