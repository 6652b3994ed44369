import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';

/** Datelines of genres the first eval sets lacked (eval/genres/): each wrong answer was another city's weather. */
describe('datelines that placed stories in the wrong city', () => {
  const gazetteer = loadGazetteer();
  const extract = (body: string, headline = '') => extractEntities({ headline, body, publishedAt: '2025-12-02T16:00:00Z' }, { gazetteer });
  const placeOf = (body: string, headline = '') => extract(body, headline).primaryLocation;

  it('reads AP’s "Congo" as the Congo whose town the dateline names', () => {
    expect(placeOf('GOMA, Congo (AP) — Rebels advanced on Thursday, residents said.')).toMatchObject({ name: 'Goma', countryCode: 'CD', reason: 'dateline' });
    expect(placeOf('LUBUMBASHI, Congo (AP) — Clashes continued on Monday, residents said.')).toMatchObject({ name: 'Lubumbashi', countryCode: 'CD', reason: 'dateline' });
    expect(placeOf('BRAZZAVILLE, Congo (AP) — Voters queued on Sunday.')).toMatchObject({ name: 'Brazzaville', countryCode: 'CG', reason: 'dateline' });
  });

  it('finds renamed cities and those GeoNames spells with a soft-sign apostrophe, instead of another place in the story', () => {
    expect(placeOf('KRAMATORSK, Ukraine (Reuters) - Russian missiles struck an apartment block in Kramatorsk on Tuesday. President Volodymyr Zelenskiy, speaking in Kyiv, called for more air defence.')).toMatchObject({ name: 'Kramatorsk', countryCode: 'UA', reason: 'dateline' });
    expect(placeOf('RYAZAN, Russia (Reuters) - Ukrainian drones hit an oil refinery in Ryazan on Sunday. The Defence Ministry in Moscow said 40 drones were downed.')).toMatchObject({ countryCode: 'RU', reason: 'dateline', lat: expect.closeTo(54.6, 0) });
    expect(placeOf('PRAYAGRAJ, India (Reuters) - Pilgrims bathed at the confluence on Wednesday, officials in Patna said.')).toMatchObject({ countryCode: 'IN', reason: 'dateline', lat: expect.closeTo(25.4, 0) });
    expect(placeOf('ROSTOV-ON-DON, Russia (Reuters) - A drone hit the port on Monday.')).toMatchObject({ countryCode: 'RU', reason: 'dateline', lat: expect.closeTo(47.2, 0) });
    const places = extract('Drones hit refineries near Syzran’ and in Hodeidah, officials in Bhubaneswar and Gurugram said.').entities.filter((e) => e.type === 'place' && e.geo);
    expect(places.map((e) => e.geo?.countryCode).sort()).toEqual(['IN', 'IN', 'RU', 'YE']);
  });

  it('reads a company named like a town as the company, so it cannot become the weather location', () => {
    const vale = extract('Nov 5 (Reuters) - Brazilian miner Vale said on Wednesday its iron ore output rose 4% in the third quarter. Shares in Vale gained 2% in Sao Paulo.');
    expect(vale.entities.filter((e) => e.type === 'place').map((e) => e.name)).toEqual(['Sao Paulo']);
    expect(vale.primaryLocation).toMatchObject({ name: 'Sao Paulo', countryCode: 'BR' });
    const santos = extract('Aug 20 (Reuters) - Australian gas producer Santos reported a 12% rise in half-year profit on Wednesday. Shares in Santos rose 3%.');
    expect(santos.entities.filter((e) => e.type === 'place').map((e) => e.name)).toEqual([]);
    expect(santos.primaryLocation).toBeNull();
    const rio = extract('July 15 (Reuters) - Shares in Rio Tinto rose 1% after it named a new chief executive. Profit at Rio Tinto fell.');
    expect(rio.entities.find((e) => e.name === 'Rio Tinto')?.type).toBe('organization');
    expect(rio.primaryLocation).toBeNull();
    // Placed by the text, the town is still the town.
    const town = extract('Brazilian miner Vale said output rose. Ranchers near Vale, Oregon, reported a dry autumn.');
    expect(town.entities.find((e) => e.type === 'place' && e.name === 'Vale')?.geo).toMatchObject({ countryCode: 'US', admin1: 'OR' });
  });

  it('stands a dateline place the gazetteer lacks in the country or state the dateline names, not at another place in the story', () => {
    const stage = 'HAUTACAM, France (AP) — Tadej Pogacar won the stage from Auch on Thursday, putting two minutes into his main rival. Fans had lined the road from Auch since dawn.';
    expect(placeOf(stage)).toMatchObject({ name: 'France', entityId: 'place:country-fr', reason: 'dateline' });
    expect(placeOf('CEDAR KEY, Fla. (AP) — Residents returned on Friday; officials in Tallahassee and Tampa said power was back.')).toMatchObject({ entityId: 'place:region-us-fl', reason: 'dateline' });
    // No region: the opening may not be a dateline at all, so the story's places still decide.
    expect(placeOf('HAUTACAM (AP) — Fans had lined the road from Auch since dawn.')).toMatchObject({ name: 'Auch', reason: 'most-salient-place' });
  });
  it('reads a dateline of a date and a source alone ("Nov 5 (Reuters) -") as the day the story was filed, and places the story by its text', () => {
    const story = extract('Nov 5 (Reuters) - Swiss miner Glencore said on Wednesday it would close a copper smelter in Queensland, Australia, cutting 600 jobs.');
    // The agency's credit is no organisation in the story, as in "LONDON (Reuters) -".
    expect(story.entities.filter((e) => e.type === 'organization').map((e) => e.name)).toEqual(['Glencore']);
    // "on Wednesday" is the dateline's Wednesday (5 November), not the one before publication (26 November).
    expect(story.entities.filter((e) => e.type === 'date').map((e) => `${e.surfaceForms.join('|')}=>${e.name}`)).toEqual(['Nov 5|Wednesday=>2025-11-05']);
    expect(story.primaryLocation).toMatchObject({ countryCode: 'AU', reason: 'most-salient-place' });
    const ap = extract('NOV. 5 (AP) — Floods in the eastern state of Odisha killed 12 people on Tuesday, officials in Bhubaneswar said.');
    expect(ap.entities.filter((e) => e.type !== 'date').map((e) => `${e.type}:${e.name}`).sort()).toEqual(['place:Bhubaneswar', 'place:Odisha']);
    expect(ap.entities.filter((e) => e.type === 'date').map((e) => `${e.surfaceForms.join('|')}=>${e.name}`).sort()).toEqual(['NOV. 5=>2025-11-05', 'Tuesday=>2025-11-04']);
    expect(ap.primaryLocation).toMatchObject({ name: 'Bhubaneswar', countryCode: 'IN', reason: 'most-salient-place' });
    // The source's dateline field may place the story west of UTC; the dateline's day stays the day.
    const field = extractEntities({ headline: '', body: 'Nov 5 (Reuters) - Oil prices fell on Wednesday, traders said.', dateline: 'HOUSTON', publishedAt: '2025-11-06T03:00:00Z' }, { gazetteer });
    expect(field.entities.filter((e) => e.type === 'date').map((e) => `${e.surfaceForms.join('|')}=>${e.name}`)).toEqual(['Nov 5|Wednesday=>2025-11-05']);
  });
});
