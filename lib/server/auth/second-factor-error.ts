import 'server-only';

/** A refusal with the HTTP status and machine-readable code apiRoute answers it with (lib/server/api/errors.ts). */
export class SecondFactorError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: 'step_up_required' | 'second_factor_not_enrolled' | 'wrong_code' | 'passkey_refused' | 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'SecondFactorError';
  }
}
