/** Which way the words before a date point: to what is to come, to what has happened, or neither. */
export type Direction = 'ahead' | 'back' | undefined;

/**
 * Words before a date that put it ahead: "will vote on Thursday", "is due to meet on Friday", and the
 * present tense of a schedule, "the World Cup, which opens June 11", "the trial begins Monday".
 */
const AHEAD = /\b(?:will|shall|is (?:due|set|expected|scheduled|to)|are (?:due|set|expected|scheduled|to)|plans? to|planned for|scheduled for|expected to|going to|would|opens|begins|starts|kicks off|runs from|upcoming)\b/i;

/**
 * A verb in the past tense: "battled a blaze on Tuesday", "said Tuesday". Words in -ed that are
 * schedules rather than a past ("the delayed vote on Tuesday", "expected") do not count.
 */
const PAST = /\b(?:said|told|was|were|had|did|met|spoke|took|made|won|lost|fled|left|held|gave|came|went|began|fell|rose|saw|found|struck|hit|shot|broke|sent|led|sold|bought|drew|wrote|[a-z]{2,}ed)\b/gi;
const NOT_PAST = new Set(['expected', 'scheduled', 'rescheduled', 'planned', 'proposed', 'delayed', 'postponed', 'awaited', 'long-awaited', 'called', 'so-called', 'needed', 'required', 'intended', 'supposed']);
/** "will be held", "to be formally signed": a participle after "be" takes its tense from what comes before. */
const PASSIVE_BEFORE = /\b(?:be|being)\s+(?:[a-z]+ly\s+)?$/i;
/**
 * Verbs that report speech. Next to a date they date the saying ("the minister said on Sunday"); a
 * few words further on, a month may belong to what was said ("said the law takes effect in March"),
 * whose tense these rules cannot see.
 */
const ATTRIBUTION = new Set(['said', 'told', 'announced', 'added', 'stated', 'confirmed', 'reported', 'wrote', 'declared', 'noted', 'warned', 'insisted', 'argued', 'claimed', 'explained', 'acknowledged', 'admitted', 'predicted', 'tweeted', 'posted']);
/** "said in a statement in March", "told The Associated Press in May": still the saying's month. */
export const ATTRIBUTION_REACH = 3;

/**
 * The direction of the verb that governs a date, from its sentence's words before it. The nearer of
 * the last future and the last past verb wins, so the attribution at the end of wire copy's commonest
 * sentence dates itself: "Prices will fall next month, the minister said on Sunday" is last Sunday.
 * A past verb behind a comma does not outrank an earlier future one: in "will sign the bill, which
 * was passed by Congress, on Friday" the relative clause is an aside. An attribution more than
 * `attributionReach` words before the date does not count.
 */
export function directionBefore(before: string, attributionReach = Infinity): Direction {
  let past = -1;
  let pastEnd = -1;
  for (const m of before.matchAll(PAST)) {
    const word = m[0].toLowerCase();
    if (NOT_PAST.has(word) || PASSIVE_BEFORE.test(before.slice(Math.max(0, (m.index ?? 0) - 24), m.index))) continue;
    const end = (m.index ?? 0) + word.length;
    if (attributionReach < Infinity && ATTRIBUTION.has(word) && wordsIn(before.slice(end)) > attributionReach) continue;
    past = m.index ?? 0;
    pastEnd = end;
  }
  if (past < 0) return AHEAD.test(before) ? 'ahead' : undefined;
  if (AHEAD.test(before.slice(past + 1))) return 'ahead';
  return /[,;]/.test(before.slice(pastEnd)) && AHEAD.test(before.slice(0, past)) ? 'ahead' : 'back';
}

/** Whether that verb speaks of what is to come; cheaper, as most sentences hold no future word at all. */
export function aheadBefore(before: string): boolean {
  return AHEAD.test(before) && directionBefore(before) === 'ahead';
}

/** "had been sealed by Friday", "were counted by Friday": a deadline already behind the story. */
export function pastPerfectBefore(before: string): boolean {
  return /\b(?:had|was|were)\b[^,;]*$/i.test(before);
}

function wordsIn(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
