import { GazetteerPlace } from './gazetteer';

/** What the rest of the article says about where it is: countries named, US states named, the dateline's hint. */
export interface GeoContext {
  countries: Set<string>;
  /** `US:TX` style admin codes. */
  admins: Set<string>;
}

export interface PlaceHint {
  countryCode?: string;
  admin1?: string;
}

/**
 * Picks one gazetteer entry for a name. A name that is a country or region is that (Mexico is the
 * country, not the town in the Philippines); among cities the country context outweighs size, and
 * size (log population) breaks ties: Paris in a French story is Paris, France; after "Texas", Paris, TX.
 */
export function choosePlace(candidates: GazetteerPlace[], ctx: GeoContext, hint: PlaceHint = {}): GazetteerPlace | undefined {
  // "Churchill, Manitoba" with no Canadian Churchill in the gazetteer is unresolved, not Churchill in England.
  if (hint.countryCode && !candidates.some((p) => p.countryCode === hint.countryCode)) return undefined;
  let best: GazetteerPlace | undefined;
  let bestScore = -Infinity;
  for (const p of plausible(candidates, ctx)) {
    const s = score(p, ctx, hint);
    if (s > bestScore) { best = p; bestScore = s; }
  }
  return best;
}

/**
 * A name that is a country or region elsewhere than the story is only that when nothing by the
 * name is where the story is: "Georgia" in a story about Macon and Atlanta is the state, and
 * "Victoria" in a story set in Canada is the city in British Columbia, not the Australian state.
 */
function plausible(candidates: GazetteerPlace[], ctx: GeoContext): GazetteerPlace[] {
  if (ctx.countries.size === 0 || candidates.length < 2 || candidates.every((p) => p.kind === 'city')) return candidates;
  const here = (p: GazetteerPlace) => !!p.countryCode && ctx.countries.has(p.countryCode);
  if (!candidates.some(here)) return candidates;
  const kept = candidates.filter((p) => p.kind === 'city' || here(p) || (p.kind === 'country' && !candidates.some((o) => o.kind !== 'city' && here(o))));
  return kept.length > 0 ? kept : candidates;
}

function score(p: GazetteerPlace, ctx: GeoContext, hint: PlaceHint): number {
  if (hint.countryCode && p.countryCode !== hint.countryCode) return p.kind === 'city' ? Math.log10((p.population ?? 0) + 1) - 20 : -30;
  if (p.kind === 'country') return 1000;
  if (p.kind === 'region') return p.countryCode && ctx.countries.has(p.countryCode) ? 503 : 500;
  let s = Math.log10((p.population ?? 0) + 1);
  if (p.countryCode && ctx.countries.has(p.countryCode)) s += 3;
  if (p.countryCode && p.admin1 && ctx.admins.has(`${p.countryCode}:${p.admin1}`)) s += 4;
  if (hint.admin1 && p.admin1 === hint.admin1) s += 10;
  if (p.featureCode === 'PPLC') s += 1.5;
  else if (p.featureCode?.startsWith('PPLA')) s += 0.7;
  return s;
}
