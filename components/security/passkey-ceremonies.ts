import { startAuthentication, startRegistration, type PublicKeyCredentialCreationOptionsJSON, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { apiFetch } from '@/lib/api-client';
import { PASSKEY_ASSERTION_PATH, PASSKEY_OPTIONS_PATH, PASSKEYS_PATH, type PasskeyView, type SecondFactorStatus, type WithRecoveryCodes } from '@/lib/contracts/second-factor';

/**
 * The browser's half of the passkey ceremonies (docs/security.md, "Second factor"): ask the server for options
 * (its challenge stays on the server), let the browser and the authenticator answer, send the answer back.
 */

/** Why passkeys cannot work on this page, or null: they are bound to the app's configured address. */
export function passkeyUnavailable(status: Pick<SecondFactorStatus, 'passkeyOrigin'>): string | null {
  if (typeof window === 'undefined') return null;
  if (!status.passkeyOrigin) return 'Passkeys need marginwatch to be reached by a name, not an IP address (MARGINWATCH_PUBLIC_URL).';
  if (status.passkeyOrigin !== window.location.origin) {
    // The demo is often opened at 127.0.0.1: WebAuthn takes no IP address as relying party, so say why, not just where.
    const ip = /^[\d.]+$|^\[/.test(window.location.hostname);
    return `${ip ? `Browsers refuse passkeys on an IP address (${window.location.hostname}). ` : ''}Passkeys work at ${status.passkeyOrigin}: open marginwatch there (and sign in again) to add or use one. Your authenticator code works here.`;
  }
  if (!window.PublicKeyCredential) return 'This browser does not support passkeys.';
  return null;
}

/** The browser's own refusal (the person cancelled, or no authenticator answered) in words a person can act on. */
export function ceremonyMessage(error: unknown): string {
  if (error instanceof Error && error.name === 'NotAllowedError') return 'The passkey prompt was cancelled or timed out. Nothing was changed.';
  return error instanceof Error ? error.message : 'The passkey could not be used.';
}

export async function addPasskey(name: string): Promise<PasskeyView & WithRecoveryCodes> {
  const optionsJSON = await apiFetch<PublicKeyCredentialCreationOptionsJSON>(PASSKEY_OPTIONS_PATH, { method: 'POST', body: JSON.stringify({ ceremony: 'register' }) });
  const response = await startRegistration({ optionsJSON });
  return apiFetch<PasskeyView & WithRecoveryCodes>(PASSKEYS_PATH, { method: 'POST', body: JSON.stringify({ name, response }) });
}

export async function proveWithPasskey(): Promise<SecondFactorStatus> {
  const optionsJSON = await apiFetch<PublicKeyCredentialRequestOptionsJSON>(PASSKEY_OPTIONS_PATH, { method: 'POST', body: JSON.stringify({ ceremony: 'authenticate' }) });
  const response = await startAuthentication({ optionsJSON });
  return apiFetch<SecondFactorStatus>(PASSKEY_ASSERTION_PATH, { method: 'POST', body: JSON.stringify({ response }) });
}
