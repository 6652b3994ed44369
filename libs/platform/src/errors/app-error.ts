/**
 * Errors cross process boundaries as data, so they carry a string `code` instead of relying on
 * `instanceof`, and `retriable` alone decides between retry and give-up.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly options: { retriable?: boolean; cause?: unknown; correlationId?: string; details?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
  }

  get retriable(): boolean {
    return this.options.retriable ?? false;
  }

  get correlationId(): string | undefined {
    return this.options.correlationId;
  }

  get details(): unknown {
    return this.options.details;
  }
}

interface ErrorLike {
  code?: unknown;
  retriable?: unknown;
  message?: unknown;
}

/** Turns whatever a `catch` received into an AppError; unknown errors are assumed transient. */
export function normalizeError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const like = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const message = typeof like.message === 'string' ? like.message : String(error);
  const code = typeof like.code === 'string' ? like.code : 'UNEXPECTED';
  const retriable = typeof like.retriable === 'boolean' ? like.retriable : true;
  return new AppError(code, message, { retriable, cause: error });
}
