// The second factor's wire contract (docs/security.md, "Second factor"): status, enrolment, a code; shared by
// the routes, the settings page and the step-up prompt.
import { z } from 'zod';

export interface SecondFactorStatus {
  enrolled: boolean;
  /** When this session's last proof stops counting; null when there is none (the next guarded action asks). */
  freshUntil: string | null;
}

/** A new authenticator secret, shown once as text and as an otpauth:// address for apps that read one. */
export interface Enrolment {
  secret: string;
  uri: string;
}

export const SECOND_FACTOR_PATH = '/api/second-factor';
export const SECOND_FACTOR_ENROL_PATH = '/api/second-factor/enrol';
export const secondFactorQueryKey = ['second-factor'] as const;

/** POST /api/second-factor: the 6 digits the app shows (spaces allowed between groups). */
export const codeSchema = z.object({
  code: z.string().max(20).transform((c) => c.replace(/\s+/g, '')).pipe(z.string().regex(/^\d{6}$/, 'the 6 digits your authenticator app shows')),
});
