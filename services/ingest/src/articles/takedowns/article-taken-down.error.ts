import { InputProblem } from '../formats/input-problem';
import type { Takedown } from './takedown.repository';

/**
 * A submission of an article an operator took down: 451 Unavailable For Legal Reasons (RFC 7725),
 * whatever the format or route, until an operator lifts the takedown. Says when, not why: the reason
 * is the operator's reference, which the desk has from whoever asked for the takedown.
 */
export class ArticleTakenDown extends InputProblem {
  readonly articleId: string;

  constructor(
    takedown: Pick<Takedown, '_id' | 'takenDownAt'>,
    rule = 'taken-down',
    message = `article ${takedown._id} was taken down by an operator on ${takedown.takenDownAt.toISOString()}; it is not accepted again, in any version, until an operator lifts the takedown`,
    field = 'sourceItemId',
  ) {
    super(451, rule, message, field);
    this.name = 'ArticleTakenDown';
    this.articleId = takedown._id;
    this.extensions = { articleId: takedown._id, takenDownAt: takedown.takenDownAt.toISOString() };
  }
}
