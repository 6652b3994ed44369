import { ArticleTakenDown } from './article-taken-down.error';
import type { Takedown } from './takedown.repository';

/**
 * Another article carrying the copy an operator took down (a reissue under a new item id, another
 * source, or the same text with invisible or trivial changes): refused like the article itself, and
 * skipped by a feed like it, since it is an ArticleTakenDown. Names the taken-down article, so the
 * desk and the operator know which takedown it ran into.
 */
export class CopyTakenDown extends ArticleTakenDown {
  constructor(takedown: Pick<Takedown, '_id' | 'takenDownAt'>) {
    super(takedown, 'taken-down-copy',
      `this is the copy of article ${takedown._id}, which an operator took down on ${takedown.takenDownAt.toISOString()}; it is not accepted, from any source or under any item id, until an operator lifts the takedown`,
      'body');
    this.name = 'CopyTakenDown';
  }
}
