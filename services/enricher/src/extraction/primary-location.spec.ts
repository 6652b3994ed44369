import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';

describe('the primary location’s time zone', () => {
  const gazetteer = loadGazetteer();
  const zoneOf = (body: string) => extractEntities({ headline: '', body, publishedAt: '2025-11-24T16:00:00Z' }, { gazetteer }).primaryLocation?.timezone;

  it('is the zone of the place, not UTC, so a Tokyo evening is already the next day there', () => {
    expect(zoneOf('TOKYO (Reuters) — Japan’s parliament approved the budget on Monday.')).toBe('Asia/Tokyo');
    expect(zoneOf('LOS ANGELES (AP) — Firefighters contained a brush fire on Monday.')).toBe('America/Los_Angeles');
    expect(zoneOf('LONDON (Reuters) — Train drivers will strike next week, their union said.')).toBe('Europe/London');
  });

  const placeOf = (body: string) => extractEntities({ headline: '', body, publishedAt: '2025-11-24T16:00:00Z' }, { gazetteer }).primaryLocation;

  it('reads a dateline’s region as the one its place is in: the country Georgia or the US state', () => {
    expect(placeOf('TBILISI, Georgia (AP) — Protesters rallied on Monday.')).toMatchObject({ name: 'Tbilisi', countryCode: 'GE', reason: 'dateline' });
    expect(placeOf('ATLANTA, Georgia (AP) — Voters queued on Monday.')).toMatchObject({ name: 'Atlanta', countryCode: 'US', reason: 'dateline' });
  });

  it('takes the first place of a dateline naming several, and English names GeoNames spells otherwise', () => {
    expect(placeOf('NEW YORK/LONDON (Reuters) - Oil prices rose on Monday.')).toMatchObject({ name: 'New York', countryCode: 'US', reason: 'dateline' });
    expect(placeOf('FRANKFURT (Reuters) - German stocks fell on Monday.')).toMatchObject({ name: 'Frankfurt', countryCode: 'DE', reason: 'dateline' });
    expect(placeOf('GAZA CITY (Reuters) - Strikes hit the north on Monday.')).toMatchObject({ countryCode: 'PS', reason: 'dateline' });
  });

  it('keeps the date a dateline carries', () => {
    const { entities, primaryLocation } = extractEntities({ headline: '', body: 'NEW YORK, Jan 15 (Reuters) - Stocks rose on Thursday.', publishedAt: '2026-01-15T21:00:00Z' }, { gazetteer });
    expect(primaryLocation).toMatchObject({ name: 'New York', reason: 'dateline' });
    expect(entities.filter((e) => e.type === 'date').map((e) => e.name)).toEqual(['2026-01-15']);
  });

  it('dates "today" by the day where the story was filed', () => {
    const { entities } = extractEntities({ headline: '', body: 'TOKYO (Reuters) - Japanese shares fell today, traders said.', publishedAt: '2025-11-24T22:30:00Z' }, { gazetteer });
    expect(entities.filter((e) => e.type === 'date').map((e) => e.name)).toEqual(['2025-11-25']);
  });

  it('places agency copy in other scripts by its dateline, in the city’s zone, as a Latin one', () => {
    expect(placeOf('МОСКВА, 7 декабря. /ТАСС/. Президент России заявил в понедельник.')).toMatchObject({ name: 'Moscow', countryCode: 'RU', timezone: 'Europe/Moscow', reason: 'dateline', confidence: 0.95 });
    expect(placeOf('新华社北京12月7日电 国家主席习近平7日在人民大会堂会见外国领导人。')).toMatchObject({ name: 'Beijing', timezone: 'Asia/Shanghai', reason: 'dateline', confidence: 0.95 });
    expect(placeOf('【東京共同】政府は7日、閣議で決定した。')).toMatchObject({ name: 'Tokyo', timezone: 'Asia/Tokyo', reason: 'dateline', confidence: 0.95 });
    // A city the story merely names is no dateline.
    expect(placeOf('国家主席习近平7日在北京人民大会堂会见外国领导人。')).toBeNull();
  });

  it('reads a dateline typed with combining marks (NFD) as the NFC one', () => {
    const body = "MÜNSTER (dpa) - Iran said on Monday it would resume talks. Iran's foreign minister said Iran wanted a deal, and Iran's president agreed.";
    expect(placeOf(body.normalize('NFD'))).toMatchObject({ name: 'Münster'.normalize('NFD'), countryCode: 'DE', reason: 'dateline', confidence: 0.95 });
    expect(placeOf(body.normalize('NFD'))?.entityId).toBe(placeOf(body)?.entityId);
  });
});

// A structured dateline (NITF <dateline><location>, NewsML-G2 located) reaches the article's
// `dateline` field as a bare location; the body then starts with no dateline of its own.
describe('the dateline field', () => {
  const gazetteer = loadGazetteer();
  const extract = (body: string, dateline?: string) => extractEntities({ headline: '', body, dateline, publishedAt: '2025-11-24T16:00:00Z' }, { gazetteer });
  const iran = "Iran said on Monday it would resume talks. Iran's foreign minister said Iran wanted a deal, and Iran's president agreed.";

  it.each([
    ['GENEVA', 'CH', 'Geneva'],
    ['Genève', 'CH', 'Geneva'],
    ['New York, NY', 'US', 'New York'],
    ['PARIS, France', 'FR', 'Paris'],
    ['LONDON (Sample Wire)', 'GB', 'London'],
  ])('places a story by a bare %s there', (dateline, countryCode, name) => {
    expect(extract(iran, dateline).primaryLocation).toMatchObject({ countryCode, name, reason: 'dateline' });
  });

  it('uses the entity of the place when the text names it too', () => {
    const { entities, primaryLocation } = extract('Diplomats met in Geneva on Monday to discuss Iran.', 'GENEVA');
    expect(primaryLocation?.entityId).toBe(entities.find((e) => e.name === 'Geneva')?.id);
  });

  it('still prefers the text’s own dateline, and still takes no ordinary first words for one', () => {
    expect(extract('TOKYO (Reuters) - Shares fell on Monday.', 'TOKYO').primaryLocation).toMatchObject({ name: 'Tokyo', reason: 'dateline' });
    expect(extract(iran).primaryLocation).toMatchObject({ countryCode: 'IR', reason: 'most-salient-place' });
    expect(extract(iran, '').primaryLocation).toMatchObject({ countryCode: 'IR', reason: 'most-salient-place' });
  });

  it('places a story in a language the rules cannot read by the field alone', () => {
    const placed = extractEntities({ headline: '', body: 'Les négociations ont repris lundi.', dateline: 'GENÈVE', placeOnly: true, language: 'fr' }, { gazetteer }).primaryLocation;
    expect(placed).toMatchObject({ countryCode: 'CH', name: 'Geneva', reason: 'dateline', confidence: 0.95 });
  });
});
