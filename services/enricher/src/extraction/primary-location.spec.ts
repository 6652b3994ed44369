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
});
