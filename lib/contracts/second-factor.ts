// The second factor's wire contract (docs/security.md, "Second factor"): status, passkeys, TOTP enrolment, a
// code; shared by the routes, the settings page and the step-up prompt.
import { z } from 'zod';

/** A passkey as the owner sees it: never its key material. */
export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface SecondFactorStatus {
  /** Any factor: a passkey or a confirmed authenticator app. */
  enrolled: boolean;
  /** A confirmed TOTP authenticator (the fallback). */
  totpEnrolled: boolean;
  passkeys: PasskeyView[];
  /**
   * The address passkeys are bound to (the app's configured origin); null when it is a bare IP address,
   * which browsers refuse. A page opened at another address cannot use them.
   */
  passkeyOrigin: string | null;
  /** Unused one-time recovery codes (docs/security.md, "Recovery"). */
  recoveryCodesLeft: number;
  /** When this session's last proof stops counting; null when there is none (the next guarded action asks). */
  freshUntil: string | null;
}

/** A new authenticator secret, shown once as text and as an otpauth:// address for apps that read one. */
export interface Enrolment {
  secret: string;
  uri: string;
  /** An authenticator is already set up: it keeps working until this one's first code is confirmed. */
  replacing: boolean;
}

/** Answers that may carry a first set of recovery codes: present once, when the first factor was just set up. */
export interface WithRecoveryCodes {
  recoveryCodes?: string[];
}

export const SECOND_FACTOR_PATH = '/api/second-factor';
export const SECOND_FACTOR_ENROL_PATH = '/api/second-factor/enrol';
/** POST: options for a ceremony (`{ ceremony: 'register' | 'authenticate' }`), with a fresh server-side challenge. */
export const PASSKEY_OPTIONS_PATH = '/api/second-factor/passkeys/options';
/** POST: a new passkey (registration response and a name). */
export const PASSKEYS_PATH = '/api/second-factor/passkeys';
/** POST: an assertion from a passkey, proving this session. */
export const PASSKEY_ASSERTION_PATH = '/api/second-factor/passkeys/assertion';
/** POST: a recovery code proves this session (spending the code). */
export const RECOVERY_PATH = '/api/second-factor/recovery';
/** POST: a new set of ten recovery codes (after a recent proof); the old set stops working. */
export const RECOVERY_CODES_PATH = '/api/second-factor/recovery-codes';
export const passkeyPath = (id: string) => `${PASSKEYS_PATH}/${encodeURIComponent(id)}`;
export const secondFactorQueryKey = ['second-factor'] as const;

/** POST /api/second-factor: the 6 digits the app shows (spaces allowed between groups). */
export const codeSchema = z.object({
  code: z.string().max(20).transform((c) => c.replace(/\s+/g, '')).pipe(z.string().regex(/^\d{6}$/, 'the 6 digits your authenticator app shows')),
});

/** POST /api/second-factor/recovery: a code as printed (`abcd-efgh-ijkl-mnop`), any case, dashes optional. */
export const recoveryCodeSchema = z.object({
  code: z.string().max(40).transform((c) => c.toLowerCase().replace(/[\s-]/g, '')).pipe(z.string().regex(/^[a-z2-7]{16}$/, 'one of your recovery codes (16 letters and digits)')),
});

export const passkeyOptionsSchema = z.object({ ceremony: z.enum(['register', 'authenticate']) });

export const passkeyNameSchema = z.string().trim().min(1, 'a name').max(60, 'at most 60 characters');

const base64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/, 'base64url');
const credentialCommon = {
  id: base64url(1_024),
  rawId: base64url(1_024),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

/** What `startRegistration` in the browser returns (WebAuthn's RegistrationResponseJSON). */
export const registrationResponseSchema = z.object({
  ...credentialCommon,
  response: z.object({
    clientDataJSON: base64url(8_192),
    attestationObject: base64url(32_768),
    authenticatorData: base64url(16_384).optional(),
    publicKey: base64url(8_192).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    transports: z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(8).optional(),
  }),
});

/** What `startAuthentication` in the browser returns (WebAuthn's AuthenticationResponseJSON). */
export const authenticationResponseSchema = z.object({
  ...credentialCommon,
  response: z.object({
    clientDataJSON: base64url(8_192),
    authenticatorData: base64url(16_384),
    signature: base64url(8_192),
    userHandle: base64url(1_024).optional(),
  }),
});

export const passkeyRegistrationSchema = z.object({ name: passkeyNameSchema, response: registrationResponseSchema });
export const passkeyAssertionSchema = z.object({ response: authenticationResponseSchema });
export const passkeyRenameSchema = z.object({ name: passkeyNameSchema });
export const passkeyParamsSchema = z.object({ id: z.uuid('a passkey id') });
