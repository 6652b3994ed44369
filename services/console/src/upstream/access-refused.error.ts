import { PipelineStage } from '@newsflow/contracts';
import { UpstreamError } from './upstream.error';

/**
 * A service answered 401 or 403 to the key the console passed on for its user. Without a key the
 * console answers 401 (sign in); with one, 403: the key is not one that may read `reading`, and
 * signing in again with the same key would not change that.
 */
export class AccessRefusedError extends UpstreamError {
  constructor(
    service: PipelineStage,
    /** What was asked for, in the words the page uses: "search", "dead letters". */
    readonly reading: string,
    readonly keyPresented: boolean,
    status: number,
    problem?: Record<string, unknown>,
  ) {
    const why = typeof problem?.detail === 'string' ? problem.detail : `HTTP ${status}`;
    super(service, keyPresented ? `this key cannot read ${reading} (${service}: ${why})` : `reading ${reading} needs a key: sign in (${service}: ${why})`, status, problem);
  }

  get answerStatus(): 401 | 403 {
    return this.keyPresented ? 403 : 401;
  }
}
