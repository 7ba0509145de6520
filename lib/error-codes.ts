/**
 * Every `error.code` the API answers (`{ error: { code, message, details } }`), beside `Permission` and
 * `AuditAction`: a new code is added here first, so clients and tests can rely on the list.
 */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'internal',
  // Key and connection actions
  'key_guard',
  'binding_confirmation_required',
  'special_key',
  'unreachable',
  // The exchange refused or failed a call made on the owner's behalf
  'exchange_refused',
  'not_confirmed',
  // Exit wizard
  'confirmation',
  'not_selectable',
  'repay_refused',
  // The instance is stopping (docs/production.md, Process life)
  'shutting_down',
  // Security (docs/security.md)
  'cross_origin',
  'unsupported_media_type',
  'payload_too_large',
  'duplicate_request',
  'in_progress',
  // Second factor (docs/security.md, "Second factor")
  'step_up_required',
  'second_factor_not_enrolled',
  'wrong_code',
  'passkey_refused',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
