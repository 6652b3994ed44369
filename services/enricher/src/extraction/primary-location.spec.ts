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
});
