import { join } from 'node:path';
import { EnrichmentSchema } from '@newsflow/contracts';
import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';

// The fixture is the repo's sample loader (plain CommonJS outside any project), so it is required by path.
const { seedArticleRequest } = require(join(__dirname, '..', '..', '..', '..', 'samples', 'load-samples.js'));

describe('seed article (golden case)', () => {
  const seed = seedArticleRequest();
  const { entities, primaryLocation } = extractEntities(seed, { gazetteer: loadGazetteer() });
  const named = (type: string, name: string) => {
    const found = entities.find((e) => e.type === type && e.name === name);
    if (!found) throw new Error(`no ${type} named ${name} in ${JSON.stringify(entities.map((e) => e.name))}`);
    return found;
  };

  it('finds the people under their canonical names', () => {
    for (const name of ['Ahmed Naser Al-Raisi', 'Mohammed VI', 'Valdecy Urquiza']) expect(named('person', name)).toBeDefined();
    expect(named('person', 'Ahmed Naser Al-Raisi').surfaceForms).toEqual(expect.arrayContaining(['Al-Raisi']));
    expect(named('person', 'Mohammed VI').id).toBe('person:mohammed-vi');
    // Titles are split off the name and kept beside it.
    expect(named('person', 'Mohammed VI').titles).toEqual(['King']);
    expect(named('person', 'Ahmed Naser Al-Raisi').titles).toEqual(expect.arrayContaining(['Major General']));
    expect(named('person', 'Valdecy Urquiza').titles).toEqual(expect.arrayContaining(['Secretary General']));
  });

  it('joins INTERPOL with its long form and ICPO–INTERPOL', () => {
    const interpol = named('organization', 'INTERPOL');
    expect(interpol.surfaceForms).toEqual(expect.arrayContaining(['ICPO–INTERPOL', 'INTERPOL']));
    expect(entities.filter((e) => e.type === 'organization' && /interpol/i.test(e.name))).toHaveLength(1);
  });

  it('geocodes Marrakech and Morocco', () => {
    const marrakech = named('place', 'Marrakech');
    expect(marrakech.geo).toMatchObject({ countryCode: 'MA' });
    expect(marrakech.geo?.lat).toBeCloseTo(31.63, 1);
    expect(marrakech.geo?.lon).toBeCloseTo(-8.01, 1);
    expect(named('place', 'Morocco').id).toBe('place:country-ma');
  });

  it('finds the event and the dates', () => {
    expect(named('event', '93rd INTERPOL General Assembly')).toBeDefined();
    expect(named('date', '2025-11-24/2025-11-27')).toBeDefined();
  });

  it('chooses Marrakech as the primary location', () => {
    expect(primaryLocation).toMatchObject({ name: 'Marrakech', countryCode: 'MA', reason: 'most-salient-place' });
  });

  it('gives the location its time zone, so its weather is for Marrakech’s own days', () => {
    expect(primaryLocation?.timezone).toBe('Africa/Casablanca');
  });

  it('keeps every mention offset exact', () => {
    for (const e of entities) for (const m of e.mentions) expect(seed[m.field].slice(m.start, m.end)).toBe(m.text);
    expect(() => EnrichmentSchema.shape.entities.parse(entities)).not.toThrow();
  });
});
