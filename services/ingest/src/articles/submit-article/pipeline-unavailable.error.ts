/**
 * The story is stored but Kafka did not acknowledge it in time: a retriable 503. The same submission
 * again sends it on (the repository remembers it was not published), so resubmitting is safe.
 */
export class PipelineUnavailable extends Error {
  readonly code = 'KAFKA.UNAVAILABLE';

  constructor() {
    super('the article could not be handed to the pipeline; retry later, resubmitting is safe');
    this.name = 'PipelineUnavailable';
  }
}
