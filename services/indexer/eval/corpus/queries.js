// The judged queries. `params` are sent exactly as HTTP query strings would be (through
// parseSearchParams); `relevant` decides from what an article was written about (its event and
// topic) and its own metadata, never from the engine. Filters in `params` restate the user's intent
// in `relevant` (e.g. a source filter also requires that source), so the judgment is self-contained.
const topic = (name) => (a) => a.topic === name;
const event = (key) => (a) => a.event === key;

const QUERIES = [
  { id: 'wildfire', params: { q: 'wildfire' }, about: 'any wildfire story', relevant: topic('wildfire') },
  { id: 'earthquake', params: { q: 'earthquake' }, about: 'any earthquake story', relevant: topic('earthquake') },
  { id: 'court', params: { q: 'court' }, about: 'trials and rulings (not tennis courts)', relevant: topic('court') },
  { id: 'dengue', params: { q: 'dengue' }, about: 'the Bangladesh dengue surge', relevant: event('dengue-dhaka') },
  { id: 'hurricane', params: { q: 'hurricane' }, about: 'Hurricane Delia', relevant: event('hurricane-delia') },
  { id: 'storm-elowen', params: { q: 'Storm Elowen' }, about: 'Storm Elowen in Brittany', relevant: event('storm-elowen') },
  { id: 'interest-rates', params: { q: 'interest rates' }, about: 'central bank rate decisions (not bank earnings or market wraps)', relevant: topic('central-bank') },
  { id: 'ecb-rate-cut', params: { q: 'European Central Bank rate cut' }, about: 'the ECB cut', relevant: event('ecb-cut') },
  { id: 'election-results', params: { q: 'election results' }, about: 'any election story', relevant: topic('election') },
  { id: 'brazil-runoff', params: { q: 'Brazil runoff' }, about: "Brazil's presidential runoff", relevant: event('br-runoff') },
  { id: 'measles-outbreak', params: { q: 'measles outbreak' }, about: 'the west Texas measles outbreak', relevant: event('measles-texas') },
  { id: 'malaria-vaccine', params: { q: 'malaria vaccine' }, about: "Ghana's malaria vaccine rollout", relevant: event('malaria-ghana') },
  { id: 'ferreira-transfer', params: { q: 'Ferreira transfer' }, about: "Mateo Ferreira's transfer", relevant: event('ferreira-transfer') },
  { id: 'manager-sacked', params: { q: 'football manager sacked' }, about: 'Northbridge United sacking Alan Brooks', relevant: event('brooks-sacked') },
  { id: 'fraud-trial', params: { q: 'fraud trial' }, about: 'the Klarvik founder fraud trial', relevant: event('lindqvist-trial') },
  { id: 'corruption-trial-madrid', params: { q: 'corruption trial Madrid' }, about: 'the Madrid ex-mayor corruption trial', relevant: event('ortega-trial') },
  { id: 'data-breach', params: { q: 'data breach' }, about: 'the Telvana breach', relevant: event('telvana-breach') },
  { id: 'chip-factory', params: { q: 'chip factory' }, about: 'the Dresden chip plant', relevant: event('dresden-chips') },
  { id: 'ai-regulation', params: { q: 'AI regulation' }, about: 'the EU AI Act', relevant: event('ai-act') },
  { id: 'nurses-strike', params: { q: 'nurses strike' }, about: 'the Irish nurses strike', relevant: event('nurses-strike') },
  { id: 'flooding-evacuations', params: { q: 'flooding evacuations' }, about: 'storm flooding', relevant: topic('storm') },
  { id: 'typhoon-country', params: { q: 'typhoon', country: 'PH' }, about: 'Typhoon Kiko, Philippines only', relevant: event('typhoon-kiko') },
  { id: 'election-country', params: { q: 'election', country: 'KE' }, about: "Kenya's election", relevant: event('ke-general') },
  { id: 'wildfire-near', params: { q: 'wildfire', near: '38.2,23.7', radiusKm: '100' }, about: 'wildfire near Athens/Evia', relevant: event('evia-fire') },
  { id: 'rate-decision-source', params: { q: 'rate decision', source: 'business-wire' }, about: 'central bank decisions from business-wire',
    relevant: (a) => a.topic === 'central-bank' && a.source === 'business-wire' },
  { id: 'strike-october', params: { q: 'strike', from: '2025-10-01', to: '2025-10-31T23:59:59Z' }, about: 'strikes published in October 2025',
    relevant: (a) => (a.topic === 'strike' || a.event === 'nurses-strike') && a.publishedAt >= '2025-10-01' && a.publishedAt <= '2025-10-31T23:59:59Z' },
  { id: 'inflation-entity', params: { q: 'inflation', entity: 'Elena Marchetti' }, about: 'ECB stories naming its president', relevant: event('ecb-cut') },
  { id: 'cup-final-place', params: { q: 'cup final', place: 'Lisbon' }, about: 'the Continental Cup final in Lisbon', relevant: event('cup-final') },
];

module.exports = { QUERIES };
