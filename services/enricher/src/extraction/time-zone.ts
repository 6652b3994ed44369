import tzLookup from '@photostructure/tz-lookup';

/**
 * The IANA zone at a point, offline: a story's local day (its dates, its observed weather, the
 * forecast's days) is that zone's. A point the lookup cannot place has none (UTC days, as before).
 */
export function zoneAt(lat: number, lon: number): string | undefined {
  try {
    return tzLookup(lat, lon);
  } catch {
    return undefined;
  }
}
