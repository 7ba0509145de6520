import 'server-only';
import { ApiError } from '@/lib/server/api/errors';
import type { KeyCheck } from './verify';

/** The live check failed: nothing was stored, and the message says why (422: the input is well-formed but refused). */
export function keyCheckFailed(check: Extract<KeyCheck, { ok: false }>): ApiError {
  return new ApiError(422, check.code, check.reason);
}
