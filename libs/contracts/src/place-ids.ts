/**
 * Country codes of city-states, city territories and microstates: the whole place is one city, or
 * small and compact enough (under ~800 km², not spread over distant islands) that the point the
 * gazetteer gives it (the capital) stands for it in a weather report. "Singapore 31°" is Singapore's
 * weather; "Australia 31°" would be Canberra's. Tuvalu and the Maldives are small in land but spread
 * over hundreds of kilometres of ocean, so they stay areas.
 */
const CITY_STATES = new Set(['sg', 'mc', 'va', 'hk', 'mo', 'gi', 'sm', 'li', 'ad', 'mt', 'bh', 'bm', 'nr']);

/**
 * A place entity id that names a whole country (`place:country-<iso2>`) or region
 * (`place:region-<slug>`, e.g. a US state) rather than a city (`place:<GeoNames id>`). The gazetteer
 * gives such a place its capital's or largest city's point, which stands for the area in a map
 * but not in a weather report. City-states (Singapore, Monaco, Vatican City, Hong Kong, Macau,
 * Gibraltar) and microstates (San Marino, Liechtenstein, Andorra, Malta, Bahrain, Bermuda, Nauru)
 * are cities, not areas.
 */
export function isAreaPlaceId(entityId: string | undefined): boolean {
  if (entityId === undefined) return false;
  const country = /^place:country-([a-z]{2})$/.exec(entityId);
  if (country) return !CITY_STATES.has(country[1]);
  return /^place:(?:country|region)-/.test(entityId);
}
