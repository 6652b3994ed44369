import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';

/** Names that are towns somewhere but not in the story: each was geocoded, and could become the weather location. */
describe('names that are not the places they spell', () => {
  const gazetteer = loadGazetteer();
  const extract = (body: string, headline = '') => extractEntities({ headline, body, publishedAt: '2025-12-02T16:00:00Z' }, { gazetteer });
  const places = (body: string, headline = '') => extract(body, headline).entities.filter((e) => e.type === 'place').map((e) => e.name);

  it('reads a regnal name used alone as the pope or king, not as Léo, Burkina Faso', () => {
    const { entities } = extract('VATICAN CITY (Reuters) - Pope Leo XIV named cardinals from Burkina Faso and Peru. Leo, born Robert Prevost in Chicago, was elected in May.');
    expect(entities.filter((e) => e.type === 'place').map((e) => e.name).sort()).toEqual(['Burkina Faso', 'Chicago', 'Peru', 'Vatican City']);
    expect(entities.find((e) => e.name === 'Leo XIV')?.mentionCount).toBe(2);
  });

  it('does not geocode a quoted nickname', () => {
    expect(places('Christopher "Bong" Go and Ronald "Bato" dela Rosa topped the count in the Philippines.')).toEqual(['Philippines']);
    // Quoted alone, a place is still a place.
    expect(places('Residents of the Philippines called the city "Manila" again.')).toContain('Manila');
  });

  it('does not read a disease, a stock index or a planet as the town it is named after', () => {
    expect(places('Cases of Lyme disease and Rocky Mountain spotted fever rose in the United States, the CDC said.')).toEqual(['United States']);
    expect(places('Germany’s DAX rose 0.5% and France’s CAC 40 gained 0.4%.').sort()).toEqual(['France', 'Germany']);
    expect(extract('Germany’s DAX rose 0.5%.').entities.map((e) => e.name)).toEqual(['Germany']);
    expect(places('NASA launched a probe to Jupiter from Florida on Tuesday. It will reach Jupiter in 2031.')).toEqual(['Florida']);
    // Placed by the text, the town is the town.
    expect(places('Police in Jupiter, Florida, said the road was closed.')).toContain('Jupiter');
  });

  it('reads "X falls" in a headline as a verb, but "the X falls" as a place', () => {
    expect(places('Japan’s Nikkei share average fell 1.4% on Wednesday.', 'Nikkei falls as Toyota cuts profit forecast on tariffs')).toEqual(['Japan']);
    expect(places('Tourists returned to the Iguazu falls on Monday.')).toEqual(['Iguazu Falls']);
  });

  it('does not let an airline named after a country swallow the country as a surname', () => {
    const { entities } = extract('Jetstar, Virgin Australia and Qantas cancelled flights between Australia and Bali on Tuesday.');
    expect(entities.find((e) => e.name === 'Virgin Australia')?.type).toBe('organization');
    expect(entities.find((e) => e.name === 'Australia')?.type).toBe('place');
  });
});

describe('street addresses', () => {
  const gazetteer = loadGazetteer();
  const extract = (body: string) => extractEntities({ headline: '', body, publishedAt: '2025-12-02T16:00:00Z' }, { gazetteer }).entities;
  const named = (body: string) => extract(body).filter((e) => e.type !== 'date').map((e) => `${e.type}:${e.name}`).sort();

  it('are no person and no place: a home address is personal data, not a search facet', () => {
    expect(named('Police were called to a house in Larkspur Close, Basingstoke, on Friday.')).toEqual(['place:Basingstoke']);
    expect(named('The suspect lived at 14 Larkspur Close with his mother.')).toEqual([]);
    expect(named('Officers searched a flat on Rue Quintalon in Lyon on Tuesday.')).toEqual(['place:Lyon']);
    expect(named('The victim lived at Via Orbetello 12 in Grosseto.')).toEqual(['place:Grosseto']);
    expect(named('Neighbours in Calle Yermolta heard shots.')).toEqual([]);
    expect(named('The shop on Bahnhofstrasse in Zurich was raided.')).toEqual(['place:Zurich']);
  });

  it('leave people surnamed like streets, streets that stand for institutions, and towns alone', () => {
    expect(named('Glenn Close and Diane Lane attended the gala.')).toEqual(['person:Diane Lane', 'person:Glenn Close']);
    expect(named('Wall Street rallied while Downing Street said nothing.')).toEqual(['organization:Downing Street']);
    expect(named('Workers from Spring Grove, Pennsylvania, joined the strike.')).toContain('place:Spring Grove');
  });
});
