import type { Entity } from '@newsflow/contracts';
import { Gazetteer, GazetteerPlace } from './gazetteer';
import { US_STATES } from './place-aliases';

/**
 * Where a story stands when its dateline names a place the gazetteer lacks but also its country or
 * US state ("HAUTACAM, France (AP) —"): that area. Any other place the story names (the stage's
 * start 89 km away, the capital) would be a confident wrong answer; an area is an honest one, and
 * the weather stage attaches no weather to an area. Undefined when the region named no area.
 */
export function datelineArea(entities: Entity[], hint: { countryCode?: string; admin1?: string } | undefined, g: Gazetteer): Entity | undefined {
  if (!hint?.countryCode) return undefined;
  const named = entities.find((e) => e.type === 'place' && e.geo?.countryCode === hint.countryCode && isAreaOf(e, hint));
  if (named) return named;
  const area = (hint.admin1 ? usState(hint.admin1, g) : undefined) ?? g.country(hint.countryCode);
  if (!area) return undefined;
  return {
    id: area.id, type: 'place', name: area.name, surfaceForms: [], mentions: [], mentionCount: 0, salience: 0,
    geo: { lat: area.lat, lon: area.lon, countryCode: area.countryCode, admin1: area.admin1 },
  };
}

function usState(code: string, g: Gazetteer): GazetteerPlace | undefined {
  const id = `place:region-us-${code.toLowerCase()}`;
  const name = Object.keys(US_STATES).find((n) => US_STATES[n] === code && !n.endsWith('.'));
  return name ? g.lookup(name).find((p) => p.id === id) : undefined;
}

/** The country itself, or for a US state the state's own entry (not a city in it). */
function isAreaOf(e: Entity, hint: { countryCode?: string; admin1?: string }): boolean {
  if (hint.admin1) return e.id === `place:region-us-${hint.admin1.toLowerCase()}`;
  return e.id === `place:country-${hint.countryCode?.toLowerCase()}`;
}
