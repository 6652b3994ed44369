import type { Entity, Location } from '@newsflow/contracts';
import { zoneAt } from './time-zone';

/**
 * Where the story is: the dateline's place when it resolved, otherwise the most salient place the
 * gazetteer resolved, preferring a city inside that place's country (a story "about Morocco" that
 * names Marrakech happened in Marrakech).
 */
export function choosePrimaryLocation(entities: Entity[], datelineEntityId?: string): Location | null {
  const places = entities.filter((e) => e.type === 'place' && e.geo);
  if (places.length === 0) return null;
  const dateline = datelineEntityId ? places.find((e) => e.id === datelineEntityId) : undefined;
  if (dateline) return toLocation(dateline, 0.95, 'dateline');

  const ranked = [...places].sort((a, b) => b.salience - a.salience || b.mentionCount - a.mentionCount);
  let best = ranked[0];
  if (!isCity(best)) {
    const city = ranked.find((e) => isCity(e) && e.geo?.countryCode === best.geo?.countryCode && e.salience >= best.salience * 0.4);
    if (city) best = city;
  }
  const runnerUp = ranked.find((e) => e !== best && isCity(e) === isCity(best));
  const margin = runnerUp ? best.salience - runnerUp.salience : best.salience;
  return toLocation(best, Math.min(0.9, 0.45 + 0.45 * margin + (isCity(best) ? 0.05 : 0)), 'most-salient-place');
}

function isCity(e: Entity): boolean {
  return /^place:\d+$/.test(e.id);
}

function toLocation(e: Entity, confidence: number, reason: string): Location {
  const geo = e.geo ?? { lat: 0, lon: 0 }; // callers pass geocoded places only
  return { name: e.name, entityId: e.id, lat: geo.lat, lon: geo.lon, countryCode: geo.countryCode, timezone: zoneAt(geo.lat, geo.lon), confidence: Math.round(confidence * 100) / 100, reason };
}
