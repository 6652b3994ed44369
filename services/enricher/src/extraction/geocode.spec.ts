import { loadGazetteer } from './gazetteer';
import { choosePlace } from './geocode';

describe('choosePlace', () => {
  const g = loadGazetteer();
  const none = { countries: new Set<string>(), admins: new Set<string>() };

  it('prefers the big city without context', () => {
    expect(choosePlace(g.lookup('Paris'), none)?.countryCode).toBe('FR');
  });
  it('follows the text’s country and state context', () => {
    const texas = choosePlace(g.lookup('Paris'), { countries: new Set(['US']), admins: new Set(['US:TX']) });
    expect(texas).toMatchObject({ countryCode: 'US', admin1: 'TX' });
    expect(choosePlace(g.lookup('Paris'), none, { countryCode: 'US', admin1: 'TX' })?.admin1).toBe('TX');
  });
  it('treats country names as countries', () => {
    expect(choosePlace(g.lookup('Mexico'), none)?.kind).toBe('country');
  });
  it('puts Marrakech where the seed expects it', () => {
    const m = choosePlace(g.lookup('Marrakech'), { countries: new Set(['MA']), admins: new Set() });
    expect(m?.lat).toBeCloseTo(31.63, 1);
    expect(m?.lon).toBeCloseTo(-8.0, 1);
  });
});
