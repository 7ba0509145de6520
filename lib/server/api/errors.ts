import 'server-only';
import type { ErrorCode } from '@/lib/error-codes';
import { ExchangeError, SpecialKeyGuardError } from '../exchange/types';
import { SecondFactorError } from '../auth/second-factor-error';
import { RefreshBusyError } from '../refresh/errors';
import { ShockNotOnGridError } from '../views/errors';

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
    readonly code: ErrorCode,
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

/**
 * The one mapping of errors to HTTP, used by apiRoute: an ApiError as thrown, the domain's typed errors by
 * kind; null for anything unexpected (a 500 with a reference only).
 */
export function toApiError(error: unknown): ApiError | null {
  if (ApiError.is(error)) return error;
  // A special key about to sign /sapi: our bug, never the owner's, and nothing was sent.
  if (error instanceof SpecialKeyGuardError) return new ApiError(409, 'key_guard', error.message);
  if (error instanceof ExchangeError) return new ApiError(502, 'exchange_refused', `The exchange refused or did not answer: ${error.message}`);
  if (error instanceof RefreshBusyError) return conflict(error.message);
  if (error instanceof SecondFactorError) return new ApiError(error.status, error.code, error.message);
  if (error instanceof ShockNotOnGridError) return badRequest(`Invalid query: ${error.message}`);
  return null;
}
