import { AppError } from '@newsflow/platform';
import { PipelineStage } from '@newsflow/contracts';

/**
 * A call to one of the pipeline's services failed. `status` is the upstream's own answer when it gave
 * one (its problem body is then passed on as `problem`); without an answer (down, timed out) it is unset.
 */
export class UpstreamError extends AppError {
  constructor(
    readonly service: PipelineStage,
    message: string,
    readonly status?: number,
    readonly problem?: Record<string, unknown>,
    cause?: unknown,
  ) {
    super(status === undefined ? 'UPSTREAM.UNAVAILABLE' : 'UPSTREAM.REFUSED', message, { retriable: status === undefined || status >= 500, cause });
  }
}
