import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';

/** Names shared by places in several countries, and by people: each wrong guess sent an article another continent's weather. */
describe('names a story could read two ways', () => {
  const gazetteer = loadGazetteer();
  const extract = (body: string, headline = '') => extractEntities({ headline, body, publishedAt: '2025-12-02T16:00:00Z' }, { gazetteer });
  const place = (body: string, name: string) => extract(body).entities.find((e) => e.type === 'place' && e.name === name)?.geo;

  it('reads a bare surname of someone the story names as that person, though a town bears it', () => {
    const { entities, primaryLocation } = extract(
      'Defense Secretary Lloyd Austin said on Monday the Pentagon would review the plan. Austin said troops would stay until spring.',
    );
    expect(entities.filter((e) => e.type === 'place').map((e) => e.name)).toEqual([]);
    expect(entities.find((e) => e.name === 'Lloyd Austin')?.mentionCount).toBe(2);
    expect(primaryLocation).toBeNull();
    // Placed by the text, the town is still the town.
    const travel = extract('Defense Secretary Lloyd Austin said troops would stay. He later flew to Austin, Texas, for talks.');
    expect(travel.entities.find((e) => e.type === 'place' && e.name === 'Austin')?.geo).toMatchObject({ countryCode: 'US', admin1: 'TX' });
  });

  it('takes Georgia for the US state when the story is in the US, and for the country otherwise', () => {
    expect(place('ATLANTA (AP) — Storms swept across Georgia on Tuesday, knocking out power.', 'Georgia')).toMatchObject({ countryCode: 'US' });
    expect(place('Heavy rain flooded streets across Savannah, Georgia, on Sunday. Trees fell on roads across Georgia.', 'Georgia')).toMatchObject({ countryCode: 'US' });
    const tbilisi = extract('Georgia’s ruling party claimed victory on Sunday as protesters gathered in Tbilisi.');
    expect(tbilisi.entities.find((e) => e.name === 'Georgia')?.geo).toMatchObject({ countryCode: 'GE' });
    expect(tbilisi.primaryLocation).toMatchObject({ name: 'Tbilisi', countryCode: 'GE' });
  });

  it('takes Victoria for the Australian state, unless the story is in Canada', () => {
    const melbourne = extract('Floods cut off towns in northern Victoria on Monday after the Murray River rose. Residents of Echuca should prepare to leave.');
    expect(melbourne.entities.find((e) => e.name === 'Victoria')?.geo).toMatchObject({ countryCode: 'AU' });
    expect(melbourne.primaryLocation).toMatchObject({ name: 'Echuca', countryCode: 'AU' });
    expect(place('Ferry crossings to Victoria were cancelled in British Columbia on Monday.', 'Victoria')).toMatchObject({ countryCode: 'CA' });
    expect(extract('VICTORIA, British Columbia (CP) — Ferry crossings were cancelled on Monday.').primaryLocation).toMatchObject({ name: 'Victoria', countryCode: 'CA', reason: 'dateline' });
  });

  it('takes Punjab for the province of the country the story is in', () => {
    expect(place('KARACHI, Pakistan (Reuters) - Floods in Punjab and Sindh displaced thousands on Monday.', 'Punjab')).toMatchObject({ countryCode: 'PK' });
    expect(place('NEW DELHI (Reuters) - Farmers in Punjab and Haryana burned stubble on Monday.', 'Punjab')).toMatchObject({ countryCode: 'IN' });
  });

  it('reads a list of countries as a list, not as a place and the country it is in', () => {
    const { entities } = extract('Floods displaced people in Kenya, Uganda and Tanzania on Friday.');
    expect(Object.fromEntries(entities.filter((e) => e.type === 'place').map((e) => [e.name, e.geo?.countryCode]))).toEqual({ Kenya: 'KE', Uganda: 'UG', Tanzania: 'TZ' });
  });

  it('reads a dateline whose country has joining words', () => {
    expect(extract('SAN FERNANDO, Trinidad and Tobago (AP) — Oil reached beaches on Tuesday.').primaryLocation).toMatchObject({ name: 'San Fernando', countryCode: 'TT', reason: 'dateline' });
    expect(extract('KINSHASA, Democratic Republic of Congo (Reuters) - Rebels advanced on Monday.').primaryLocation).toMatchObject({ countryCode: 'CD', reason: 'dateline' });
  });

  it('takes an island for the island, not a town named after it, and a continent for a place', () => {
    expect(place('ATHENS (Reuters) - An earthquake shook the Greek island of Crete on Monday.', 'Crete')).toMatchObject({ countryCode: 'GR' });
    expect(extract('Flights from North America were delayed on Monday.').entities.find((e) => e.name === 'North America')?.type).toBe('place');
  });

  it('does not take the wire\'s label on a headline for a name', () => {
    const { entities } = extractEntities({ headline: 'CORRECTED-UPDATE 2-Quake shakes Crete', body: 'An earthquake shook Crete on Monday.', publishedAt: '2025-12-02T16:00:00Z' }, { gazetteer });
    expect(entities.map((e) => e.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/CORRECTED|UPDATE/i)]));
  });

  it('reads a city\'s name in a match report as its club, so the story gets no other continent\'s weather', () => {
    const match = extract('Bukayo Saka scored twice as Arsenal beat Newcastle 2-0 on Saturday. Newcastle manager Eddie Howe said his side had been second best.');
    expect(match.entities.filter((e) => e.type === 'organization').map((e) => e.name).sort()).toEqual(['Arsenal', 'Newcastle']);
    expect(match.entities.filter((e) => e.type === 'place')).toEqual([]);
    expect(match.primaryLocation).toBeNull();
    expect(extract('Real Madrid beat Valencia 4-1 on Sunday.').entities.find((e) => e.name === 'Valencia')?.type).toBe('organization');
    // Without a scoreline a result word alone is not enough for a person or a small town.
    expect(extract('Trump defeated Harris in the election, and Doha hosted talks on Monday.').entities.filter((e) => e.type === 'organization')).toEqual([]);
  });

  it('keeps Portuguese and Spanish names whole, and reads a country that ends a sentence as context', () => {
    expect(place('The plant in Sao Jose dos Campos will close.', 'Sao Jose dos Campos')).toMatchObject({ countryCode: 'BR', lat: expect.closeTo(-23.18, 1) });
    // "Vietnam." sets the context in which Hoi An, a town a gazetteer knows in Vietnam only if asked, is read.
    const { entities } = extract('Floods hit central Vietnam. Hoi An was under water on Monday.');
    expect(entities.find((e) => e.name === 'Hoi An')).toMatchObject({ type: 'place', geo: expect.objectContaining({ countryCode: 'VN' }) });
  });
});
