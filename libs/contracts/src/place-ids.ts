/**
 * Country codes of city-states and city territories: the whole place is one city, so the point the
 * gazetteer gives it (the capital) does stand for it in a weather report. "Singapore 31°" is
 * Singapore's weather; "Australia 31°" would be Canberra's.
 */
const CITY_STATES = new Set(['sg', 'mc', 'va', 'hk', 'mo', 'gi']);

/**
 * A place entity id that names a whole country (`place:country-<iso2>`) or region
 * (`place:region-<slug>`, e.g. a US state) rather than a city (`place:<GeoNames id>`). The gazetteer
 * gives such a place its capital's or largest city's point, which stands for the area in a map
 * but not in a weather report. City-states (Singapore, Monaco, Vatican City, Hong Kong, Macau,
 * Gibraltar) are cities, not areas.
 */
export function isAreaPlaceId(entityId: string | undefined): boolean {
  if (entityId === undefined) return false;
  const country = /^place:country-([a-z]{2})$/.exec(entityId);
  if (country) return !CITY_STATES.has(country[1]);
  return /^place:(?:country|region)-/.test(entityId);
}
