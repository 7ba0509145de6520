/** Browser-side fetch for our own API: JSON in, JSON out, and the server's message on failure. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** Asks the person for an authenticator code; true once a code was accepted (components/security/step-up-prompt.tsx). */
type StepUpPrompt = () => Promise<boolean>;
let askForCode: StepUpPrompt | null = null;

export function setStepUpPrompt(prompt: StepUpPrompt | null): void {
  askForCode = prompt;
}

/**
 * An action refused for want of a recent second factor (403 `step_up_required`, docs/security.md) asks for a
 * code and is sent again, once, when the code was accepted; the refused request claimed nothing on the server.
 */
export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (res.status === 403 && body?.error?.code === 'step_up_required' && askForCode && (await askForCode())) return apiFetch<T>(path, init);
  if (!res.ok) throw new ApiRequestError(res.status, body?.error?.message ?? `Request failed (${res.status})`, body?.error?.code ?? null);
  return body as T;
}

/**
 * A fresh Idempotency-Key for one action the server must act on once (docs/security.md, "Acting once").
 * getRandomValues, not randomUUID: the latter exists only on https or localhost pages.
 */
export function idempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Joins a call made while the previous one is still on its way, so a double click sends one request. */
export function singleFlight<A, T>(fn: (arg: A) => Promise<T>): (arg: A) => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return (arg) => {
    inFlight ??= fn(arg).finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
