import type { EntityType } from '@newsflow/contracts';

export interface SalienceInput {
  type: EntityType;
  mentionCount: number;
  inHeadline: boolean;
  /** Earliest body offset as a fraction of body length (0 = first word); 1 when only in the headline. */
  firstPosition: number;
  inFirstParagraph: boolean;
}

const TYPE_WEIGHT: Record<EntityType, number> = { person: 1, organization: 1, place: 1, event: 0.9, date: 0.5 };

/** Raw prominence: repeated, early and headline entities are what the story is about. Normalised per article by the caller. */
export function rawSalience(e: SalienceInput): number {
  return TYPE_WEIGHT[e.type] * (1 + Math.log2(1 + e.mentionCount) + (e.inHeadline ? 1.5 : 0) + (e.inFirstParagraph ? 0.7 : 0) + (1 - e.firstPosition) * 0.5);
}

/** Scales to 0..1 with the most salient entity at 1. */
export function normaliseSalience(values: number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 ? Math.round((v / max) * 1000) / 1000 : 0));
}
