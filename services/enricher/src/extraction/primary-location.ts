import type { Entity, Location } from '@newsflow/contracts';
import { zoneAt } from './time-zone';

/** A dateline naming a town this small, and nothing else in the story placing it, is a guess. */
export const SMALL_TOWN = 10_000;

/**
 * Where the story is: the dateline's place when it resolved, otherwise the most salient place the
 * gazetteer resolved, preferring a city inside that place's country (a story "about Morocco" that
 * names Marrakech happened in Marrakech).
 *
 * `dateline` is the dateline's entity, or its id among `entities`. A dateline gets 0.95, unless it
 * resolved only to a town under SMALL_TOWN people that nothing `corroborated` (a region in the
 * dateline, another place in that country, the language's country): an exonym the gazetteer lacks
 * ("Pekín" → Pekin, Illinois) looks just like that, so it gets 0.6.
 */
export function choosePrimaryLocation(entities: Entity[], dateline?: string | Entity, corroborated = true): Location | null {
  const datelinePlace = typeof dateline === 'string' ? entities.find((e) => e.id === dateline && e.type === 'place' && e.geo) : dateline;
  if (datelinePlace?.geo) return toLocation(datelinePlace, !corroborated && isSmallTown(datelinePlace) ? 0.6 : 0.95, 'dateline');
  const places = entities.filter((e) => e.type === 'place' && e.geo);
  if (places.length === 0) return null;

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

export function isSmallTown(e: Pick<Entity, 'id' | 'geo'>): boolean {
  return isCity(e) && (e.geo?.population ?? 0) < SMALL_TOWN;
}

function isCity(e: Pick<Entity, 'id'>): boolean {
  return /^place:\d+$/.test(e.id);
}

function toLocation(e: Entity, confidence: number, reason: string): Location {
  const geo = e.geo ?? { lat: 0, lon: 0 }; // callers pass geocoded places only
  return { name: e.name, entityId: e.id, lat: geo.lat, lon: geo.lon, countryCode: geo.countryCode, timezone: zoneAt(geo.lat, geo.lon), confidence: Math.round(confidence * 100) / 100, reason };
}
