import { deadLetterArticleIds } from './dead-letter-article-ids';
import type { DeadLetter } from './dead-letter-store';

/** A parked message a replay left where it is, and why (`taken-down`: its article is on ingest's takedown list). */
export interface SkippedDeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  articleId: string;
  reason: string;
}

export interface ReplayReport {
  /** Messages sent back to their original topics. */
  replayed: number;
  /** Selected messages not sent back, each with its reason; they stay parked. */
  skipped: SkippedDeadLetter[];
}

/** Why the article a message names must not go back into the pipeline; undefined lets it go. */
export type ReplayHold = (articleIds: readonly string[]) => { articleId: string; reason: string } | undefined;

/** Lets every message go: only for tests and tools that hold nothing. */
export const holdNothing: ReplayHold = () => undefined;

/**
 * Holds back a message naming an article an operator took down. Replayed, its old version would be
 * indexed and published again: after a purge no newer version is left to make it look stale.
 */
export function takenDownHold(takenDown: ReadonlySet<string>): ReplayHold {
  return (articleIds) => {
    const listed = articleIds.find((id) => takenDown.has(id));
    return listed === undefined ? undefined : { articleId: listed, reason: 'taken-down' };
  };
}

/** Which of the selected messages go back (those that name their original topic) and which are held, in topic order. */
export function planReplay(letters: readonly DeadLetter[], select: (d: DeadLetter) => boolean, hold: ReplayHold): { send: DeadLetter[]; skipped: SkippedDeadLetter[] } {
  const send: DeadLetter[] = [];
  const skipped: SkippedDeadLetter[] = [];
  for (const letter of letters) {
    if (!letter.originalTopic || !select(letter)) continue;
    const held = hold(deadLetterArticleIds(letter));
    if (held) skipped.push({ partition: letter.partition, offset: letter.offset, key: letter.key, ...held });
    else send.push(letter);
  }
  return { send, skipped };
}
