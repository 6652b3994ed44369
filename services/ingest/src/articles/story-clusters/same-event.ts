import { wordOverlap } from './lede-words';
import { StoryBand } from './story-band.repository';

/**
 * How far apart in publishedAt two agencies' rewrites of one event may be: they come within hours.
 * Shorter than the shingle window, since names and words alone are weaker evidence than shared text.
 */
export const EVENT_WINDOW_MS = 24 * 3600 * 1000;
/** Names two rewrites share at least: one name ("Turkey", "Met Office") is shared by many stories of a day. */
export const SHARED_NAMES = 2;
/**
 * Share of the smaller set of lede words two rewrites share at least. Rewrites of one event measured
 * 0.35–1.0 on the tuning part; other stories naming the same people or place the same day less.
 */
export const SHARED_WORDS = 0.35;

/** What an article says about its event: its time, lede names and lede words. */
export interface EventSignals {
  publishedAt: number;
  names: string[];
  headlineNames: number;
  ledeWords: string[];
}

/** Whether the headline's names (when it has any) name someone or something the other story names. */
function headlineAgrees(names: string[], headlineNames: number, other: Set<string>): boolean {
  return headlineNames === 0 || names.slice(0, headlineNames).some((name) => other.has(name));
}

/**
 * How far a stored story reports the same event as the article in other words: its share of lede
 * words in common (at least SHARED_WORDS), or 0 when it is not the same event. Same event means
 * published within EVENT_WINDOW_MS, sharing SHARED_NAMES names and SHARED_WORDS of the lede words,
 * each headline's subject named by the other. The lede numbers are checked by the finder for every
 * candidate.
 */
export function sameEventOverlap(article: EventSignals, candidate: StoryBand): number {
  if (candidate.publishedAt === undefined || !candidate.names || !candidate.ledeWords) return 0;
  if (Math.abs(Date.parse(candidate.publishedAt) - article.publishedAt) > EVENT_WINDOW_MS) return 0;
  const theirs = new Set(candidate.names);
  const ours = new Set(article.names);
  if (article.names.filter((name) => theirs.has(name)).length < SHARED_NAMES) return 0;
  if (!headlineAgrees(article.names, article.headlineNames, theirs) || !headlineAgrees(candidate.names, candidate.headlineNames ?? 0, ours)) return 0;
  const overlap = wordOverlap(article.ledeWords, candidate.ledeWords);
  return overlap >= SHARED_WORDS ? overlap : 0;
}

/** Whether a stored story reports the same event as the article in other words (see sameEventOverlap). */
export function sameEvent(article: EventSignals, candidate: StoryBand): boolean {
  return sameEventOverlap(article, candidate) > 0;
}
