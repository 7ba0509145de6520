import 'server-only';
import { ApiError } from '@/lib/server/api/errors';
import { ExchangeError } from '@/lib/server/exchange';
import type { KeyCheck } from './verify';

/** The live check failed: nothing was stored, and the message says why (422: the input is well-formed but refused). */
export function keyCheckFailed(check: Extract<KeyCheck, { ok: false }>): ApiError {
  return new ApiError(422, check.code, check.reason);
}

/** An exchange read made on the owner's behalf failed: a gateway error carrying the client's people-readable message. */
export function exchangeFailed(e: unknown): unknown {
  if (e instanceof ExchangeError) return new ApiError(502, 'exchange_error', `The exchange read failed: ${e.message}`);
  return e;
}
