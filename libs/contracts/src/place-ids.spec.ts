import { isAreaPlaceId } from './place-ids';

describe('isAreaPlaceId', () => {
  it('is true for countries and regions, whose point is only their capital or largest city', () => {
    for (const id of ['place:country-au', 'place:country-fr', 'place:region-us-fl', 'place:region-punjab-pk']) expect(isAreaPlaceId(id)).toBe(true);
  });

  it('is false for cities and for no id', () => {
    expect(isAreaPlaceId('place:2542997')).toBe(false);
    expect(isAreaPlaceId(undefined)).toBe(false);
  });

  it('is false for city-states and city territories: the whole place is the city at its point', () => {
    for (const cc of ['sg', 'mc', 'va', 'hk', 'mo', 'gi']) expect(isAreaPlaceId(`place:country-${cc}`)).toBe(false);
  });

  it('is false for compact microstates, whose capital\'s sky is the country\'s, and true for scattered island states', () => {
    for (const cc of ['sm', 'li', 'ad', 'mt', 'bh', 'bm', 'nr']) expect(isAreaPlaceId(`place:country-${cc}`)).toBe(false);
    for (const cc of ['tv', 'mv', 'lu']) expect(isAreaPlaceId(`place:country-${cc}`)).toBe(true);
  });
});
