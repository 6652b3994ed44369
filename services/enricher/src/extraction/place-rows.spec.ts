import { GazetteerPlace } from './gazetteer';
import { PlaceInput, PlaceRows } from './place-rows';

describe('PlaceRows', () => {
  const marrakech: GazetteerPlace = { id: 'place:2542997', name: 'Marrakesh', kind: 'city', lat: 31.63416, lon: -7.99994, countryCode: 'MA', admin1: '11', population: 839296, featureCode: 'PPLA' };
  const morocco: GazetteerPlace = { id: 'place:country-ma', name: 'Morocco', kind: 'country', lat: 34.01325, lon: -6.83255, countryCode: 'MA' };
  const texas: GazetteerPlace = { id: 'place:region-us-tx', name: 'Texas', kind: 'region', lat: 29.76328, lon: -95.36327, countryCode: 'US', admin1: 'TX' };

  /** A GeoNames city is added by its number; its id is made from it. */
  const asInput = ({ id, ...rest }: GazetteerPlace): PlaceInput => (rest.kind === 'city' ? { ...rest, geonamesId: Number(id.slice('place:'.length)) } : { ...rest, id });

  it('gives back each place as it was added, without fields it did not have', () => {
    const rows = new PlaceRows();
    const added = [marrakech, morocco, texas].map((p) => rows.add(asInput(p)));
    expect(added).toEqual([0, 1, 2]);
    expect(rows.get(0)).toStrictEqual(marrakech);
    expect(rows.get(1)).toStrictEqual(morocco);
    expect(rows.get(2)).toStrictEqual(texas);
  });

  it('keeps a city of no recorded population and no admin code as such', () => {
    const rows = new PlaceRows();
    const hamlet: GazetteerPlace = { id: 'place:123', name: 'Hamlet', kind: 'city', lat: 1.5, lon: -2.25, countryCode: 'GB', population: 0, featureCode: '' };
    expect(rows.get(rows.add(asInput(hamlet)))).toStrictEqual(hamlet);
  });

  it('answers the columns the gazetteer ranks by without building a place', () => {
    const rows = new PlaceRows();
    const row = rows.add(asInput(marrakech));
    expect([rows.kind(row), rows.countryCode(row), rows.population(row), rows.featureCode(row), rows.lat(row), rows.lon(row)]).toEqual(['city', 'MA', 839296, 'PPLA', 31.63416, -7.99994]);
    expect(rows.population(rows.add(asInput(morocco)))).toBeUndefined();
  });
});
