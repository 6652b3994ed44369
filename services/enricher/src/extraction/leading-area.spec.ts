import fc from 'fast-check';
import { Gazetteer, loadGazetteer } from './gazetteer';
import { leadingArea } from './leading-area';

/** The search as geoContext wrote it before leadingArea: words split at spaces, the longest first. */
function asBefore(run: string, g: Gazetteer) {
  const words = run.split(' ');
  for (let n = words.length; n >= 1; n -= 1) {
    let name = words.slice(0, n).join(' ').replace(/[’']s$/, '');
    let area = g.area(name);
    if (!area && name.endsWith('.')) area = g.area((name = name.slice(0, -1)));
    if (area) return { name, area };
  }
  return undefined;
}

describe('leadingArea', () => {
  const g = loadGazetteer();

  it('finds the longest leading words that name a country, a region or a US state', () => {
    expect(leadingArea('Texas Gov', g)).toEqual({ name: 'Texas', area: { countryCode: 'US', admin1: 'TX' } });
    expect(leadingArea('South Korea’s President', g)?.name).toBe('South Korea');
    expect(leadingArea('Vietnam.', g)).toEqual({ name: 'Vietnam', area: { countryCode: 'VN' } });
    expect(leadingArea('Fla.', g)).toEqual({ name: 'Fla.', area: { countryCode: 'US', admin1: 'FL' } });
    expect(leadingArea('Emma Kowalski', g)).toBeUndefined();
  });

  it('answers as the word-by-word search did, for runs of any shape', () => {
    const words = fc.constantFrom('New', 'South', 'Wales', 'North', 'Carolina', 'Georgia', 'Texas', 'Fla.', 'Calif.', 'Vietnam.', 'Morocco’s', "Kenya's",
      'United', 'Kingdom', 'States', 'Emma', 'Kowalski', 'Bank', 'Zürich', 'Côte', 'd’Ivoire', 'Punjab', 'U.S.', 'Army', 'Sri', 'Lanka', 'Rabat\nMorocco', '');
    const runs = fc.array(words, { minLength: 1, maxLength: 4 }).chain((ws) => fc.constantFrom(' ', '  ').map((gap) => ws.join(gap)));
    fc.assert(fc.property(runs, (run) => expect(leadingArea(run, g)).toEqual(asBefore(run, g))), { numRuns: 3000 });
  });

  it('asks the gazetteer nothing about a run of plain words whose first word starts no area name', () => {
    const area = jest.spyOn(g, 'area');
    try {
      expect(leadingArea('Governor Hiroshi Ivanova', g)).toBeUndefined();
      expect(area).not.toHaveBeenCalled();
      // "united" starts "united kingdom": the words are asked about.
      expect(leadingArea('United Nations', g)).toBeUndefined();
      expect(area).toHaveBeenCalled();
      expect(leadingArea('United Kingdom Prime', g)?.name).toBe('United Kingdom');
    } finally {
      area.mockRestore();
    }
  });
});
