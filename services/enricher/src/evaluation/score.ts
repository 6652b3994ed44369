import type { Entity, Location } from '@newsflow/contracts';
import { normaliseName } from '../extraction/normalise-name';

/** Types the annotated set labels; dates are checked by the seed spec, not scored here. */
export const SCORED_TYPES = ['person', 'organization', 'place', 'event'] as const;
export type ScoredType = (typeof SCORED_TYPES)[number];

export interface GoldEntity {
  type: ScoredType;
  name: string;
  /** Other canonical spellings an annotator accepts ("Cal Fire", "EU"). */
  aliases?: string[];
}

export interface GoldArticle {
  entities: GoldEntity[];
  /** Names an annotator would accept as found or as not found ("the Emirates Stadium"): neither a hit nor spurious. */
  optional?: string[];
  primaryLocation: {
    name: string;
    lat: number;
    lon: number;
    /** A region's story is placed right anywhere within this (default 25 km). */
    withinKm?: number;
    /** No primary location is also right (a story about a club, a bank, a whole region). */
    acceptNull?: boolean;
  };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ArticleScore {
  byType: Record<ScoredType, Counts>;
  locationDistanceKm: number | null;
  /** Whether the primary location is right by the gold's own rule (distance, or none where none is accepted). */
  locationRight: boolean;
  missed: GoldEntity[];
  spurious: { type: string; name: string }[];
}

/**
 * Entity-level matching per article: a system entity matches a gold one of the same type when the
 * gold name (or an alias) equals its canonical name or one of its surface forms. Each side matches once.
 */
export function scoreArticle(gold: GoldArticle, entities: Entity[], primary: Location | null): ArticleScore {
  const byType = Object.fromEntries(SCORED_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoredType, Counts>;
  const system = entities.filter((e) => (SCORED_TYPES as readonly string[]).includes(e.type));
  const used = new Set<Entity>();
  const missed: GoldEntity[] = [];
  for (const g of gold.entities) {
    const names = [g.name, ...(g.aliases ?? [])].map(normaliseName);
    const hit = system.find((e) => !used.has(e) && e.type === g.type && [e.name, ...e.surfaceForms].some((n) => names.includes(normaliseName(n))));
    if (hit) {
      used.add(hit);
      byType[g.type].tp += 1;
    } else {
      byType[g.type].fn += 1;
      missed.push(g);
    }
  }
  const optional = new Set((gold.optional ?? []).map(normaliseName));
  const spurious = system.filter((e) => !used.has(e) && ![e.name, ...e.surfaceForms].some((n) => optional.has(normaliseName(n))));
  for (const e of spurious) byType[e.type as ScoredType].fp += 1;
  const locationDistanceKm = primary ? haversineKm(primary, gold.primaryLocation) : null;
  const locationRight = locationDistanceKm === null ? !!gold.primaryLocation.acceptNull : locationDistanceKm <= (gold.primaryLocation.withinKm ?? 25);
  return { byType, locationDistanceKm, locationRight, missed, spurious: spurious.map((e) => ({ type: e.type, name: e.name })) };
}

export interface Summary {
  byType: Record<ScoredType, Counts & { precision: number; recall: number; f1: number }>;
  locationAccuracy: number;
  articles: number;
}

export function summarise(scores: ArticleScore[]): Summary {
  const byType = {} as Summary['byType'];
  for (const t of SCORED_TYPES) {
    const c = scores.reduce((acc, s) => ({ tp: acc.tp + s.byType[t].tp, fp: acc.fp + s.byType[t].fp, fn: acc.fn + s.byType[t].fn }), { tp: 0, fp: 0, fn: 0 });
    const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
    byType[t] = { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  }
  const right = scores.filter((s) => s.locationRight).length;
  return { byType, locationAccuracy: scores.length ? right / scores.length : 0, articles: scores.length };
}

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
