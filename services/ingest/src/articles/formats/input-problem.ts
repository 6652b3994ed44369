import { AppError } from '@newsflow/platform';

/**
 * A submission that cannot be accepted as sent. Rendered as RFC 9457 `application/problem+json`
 * naming the field and the rule, so a wire desk can fix the story without reading our code.
 */
export class InputProblem extends AppError {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    readonly rule: string,
    message: string,
    readonly field?: string,
  ) {
    super(`INPUT.${rule.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`, message, { retriable: false });
    this.name = 'InputProblem';
  }
}
