const EARTH_RADIUS_KM = 6371.0088;

export interface Point {
  lat: number;
  lon: number;
}

/** Great-circle distance (haversine); computed in code because FerretDB has no $geoNear or 2dsphere. */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A cheap bounding box test before the trigonometry; the box contains the whole circle. */
export function withinBox(center: Point, radiusKm: number, p: Point): boolean {
  const latDelta = radiusKm / 111;
  if (Math.abs(p.lat - center.lat) > latDelta) return false;
  const cos = Math.cos((center.lat * Math.PI) / 180);
  if (cos < 0.01 || Math.abs(center.lat) + latDelta >= 90) return true;
  const lonDelta = radiusKm / (111 * cos);
  const dLon = Math.abs(((p.lon - center.lon + 540) % 360) - 180);
  return dLon <= lonDelta;
}

export function isNear(center: Point, radiusKm: number, p: Point): boolean {
  return withinBox(center, radiusKm, p) && distanceKm(center, p) <= radiusKm;
}
