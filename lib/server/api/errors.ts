import 'server-only';

const BRAND = Symbol.for('marginwatch.ApiError');

/** An error a route handler may throw on purpose: its message is shown to the person as is. */
export class ApiError extends Error {
  readonly [BRAND] = true;

  /**
   * Recognises an ApiError from any copy of this module: Next compiles instrumentation and route handlers
   * into separate bundles, so an error thrown by an object the other bundle built fails `instanceof`.
   */
  static is(error: unknown): error is ApiError {
    return typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
  }

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const unauthorized = () => new ApiError(401, 'unauthorized', 'Sign in to continue.');
export const forbidden = (permission: string) =>
  new ApiError(403, 'forbidden', `Your role does not allow this (${permission}).`);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'bad_request', message, details);
