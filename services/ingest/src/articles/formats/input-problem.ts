import { AppError } from '@newsflow/platform';

/**
 * A submission that cannot be accepted as sent. Rendered as RFC 9457 `application/problem+json`
 * naming the field and the rule, so a wire desk can fix the story without reading our code.
 */
export class InputProblem extends AppError {
  /** Members the problem carries besides its own (RFC 9457 extensions), e.g. the article id of a takedown. */
  extensions?: Record<string, unknown>;

  constructor(
    readonly status: 400 | 401 | 403 | 409 | 413 | 415 | 422 | 429 | 451,
    readonly rule: string,
    message: string,
    readonly field?: string,
    /** Response headers that belong to the answer, e.g. Retry-After for 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(`INPUT.${rule.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`, message, { retriable: false });
    this.name = 'InputProblem';
  }
}

/** The rule of the InputProblem `fn` throws, or undefined when it returns: how a spec asserts a refusal. */
export function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputProblem) return error.rule;
    throw error;
  }
  return undefined;
}

/** The InputProblem `fn` throws; fails when it returns or throws something else: how a spec inspects a refusal. */
export function problemOf(fn: () => unknown): InputProblem {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputProblem) return error;
    throw error;
  }
  throw new Error('expected an InputProblem');
}
