/** A request parameter the query API refuses; answered as a 400 problem+json naming `parameter`. */
export class InvalidParameterError extends Error {
  readonly code = 'QUERY.INVALID_PARAMETER';
  readonly retriable = false;

  constructor(readonly parameter: string, message: string) {
    super(message);
    this.name = 'InvalidParameterError';
  }
}
