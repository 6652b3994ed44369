import type { GazetteerPlace } from './gazetteer';

const KINDS: readonly GazetteerPlace['kind'][] = ['city', 'country', 'region'];

/** A place as added: a GeoNames city by its number, so 135,000 id strings are not kept; any other place by its id. */
export type PlaceInput = Omit<GazetteerPlace, 'id'> & ({ geonamesId: number } | { id: string });
const NONE = -1;

/** Short strings repeated across thousands of places (country, admin and feature codes), each kept once and named by a small number. */
class Codebook {
  private readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(value: string | undefined): number {
    if (value === undefined) return NONE;
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.push(value) - 1;
      this.numbers.set(value, n);
    }
    return n;
  }

  valueOf(n: number): string | undefined {
    return n === NONE ? undefined : this.values[n];
  }
}

/**
 * The gazetteer's places as rows of columns: numbers in arrays V8 stores unboxed, a name string per
 * place, and an id string only for the few places that are not GeoNames cities. As one object each,
 * with its id string and boxed coordinates, the 135,000 cities held ~25 MB more heap in every
 * extraction worker; a place becomes an object only when a lookup returns it.
 */
export class PlaceRows {
  private readonly kinds: number[] = [];
  private readonly lats: number[] = [];
  private readonly lons: number[] = [];
  private readonly populations: number[] = [];
  private readonly cityIds: number[] = [];
  private readonly countries: number[] = [];
  private readonly admins: number[] = [];
  private readonly features: number[] = [];
  private readonly names: string[] = [];
  private readonly otherIds = new Map<number, string>();
  private readonly codes = new Codebook();

  /** Adds a place and returns its row: a GeoNames city by its number (its id is `place:<number>`), any other place by its id. */
  add(place: PlaceInput): number {
    const row = this.names.push(place.name) - 1;
    this.kinds.push(KINDS.indexOf(place.kind));
    this.lats.push(place.lat);
    this.lons.push(place.lon);
    this.populations.push(place.population ?? NONE);
    this.cityIds.push('geonamesId' in place ? place.geonamesId : NONE);
    if ('id' in place) this.otherIds.set(row, place.id);
    this.countries.push(this.codes.numberOf(place.countryCode));
    this.admins.push(this.codes.numberOf(place.admin1));
    this.features.push(this.codes.numberOf(place.featureCode));
    return row;
  }

  get(row: number): GazetteerPlace {
    const cityId = this.cityIds[row];
    const place: GazetteerPlace = {
      id: cityId === NONE ? (this.otherIds.get(row) as string) : `place:${cityId}`,
      name: this.names[row],
      kind: this.kind(row),
      lat: this.lats[row],
      lon: this.lons[row],
    };
    const countryCode = this.countryCode(row);
    if (countryCode !== undefined) place.countryCode = countryCode;
    const admin1 = this.codes.valueOf(this.admins[row]);
    if (admin1 !== undefined) place.admin1 = admin1;
    const population = this.population(row);
    if (population !== undefined) place.population = population;
    const featureCode = this.featureCode(row);
    if (featureCode !== undefined) place.featureCode = featureCode;
    return place;
  }

  kind(row: number): GazetteerPlace['kind'] {
    return KINDS[this.kinds[row]];
  }

  countryCode(row: number): string | undefined {
    return this.codes.valueOf(this.countries[row]);
  }

  population(row: number): number | undefined {
    const population = this.populations[row];
    return population === NONE ? undefined : population;
  }

  featureCode(row: number): string | undefined {
    return this.codes.valueOf(this.features[row]);
  }

  lat(row: number): number {
    return this.lats[row];
  }

  lon(row: number): number {
    return this.lons[row];
  }
}
