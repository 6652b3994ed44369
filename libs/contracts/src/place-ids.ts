/**
 * A place entity id that names a whole country (`place:country-<iso2>`) or region
 * (`place:region-<slug>`, e.g. a US state) rather than a city (`place:<GeoNames id>`). The gazetteer
 * gives such a place its capital's or largest city's point, which stands for the area in a map
 * but not in a weather report.
 */
export function isAreaPlaceId(entityId: string | undefined): boolean {
  return entityId !== undefined && /^place:(?:country|region)-/.test(entityId);
}
