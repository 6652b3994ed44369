import { loadGazetteer } from './gazetteer';

describe('Gazetteer', () => {
  const g = loadGazetteer();

  it('finds cities by exonym and folded name', () => {
    const [marrakech] = g.lookup('Marrakech');
    expect(marrakech).toMatchObject({ id: 'place:2542997', countryCode: 'MA' });
    expect(g.lookup('MARRAKESH')[0].id).toBe('place:2542997');
    expect(g.lookup('bogota').some((p) => p.countryCode === 'CO')).toBe(true);
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
});
