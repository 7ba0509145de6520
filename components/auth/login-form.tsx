'use client';

import { useActionState } from 'react';
import type { SignInState } from '@/lib/contracts/auth';
import { button, input } from '@/components/ui/controls';


export function LoginForm({ action }: { action: (prev: SignInState, form: FormData) => Promise<SignInState> }) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} className="space-y-4">
      <label className="block space-y-1 text-sm font-medium">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required className={`${input} w-full`} />
      </label>
      <label className="block space-y-1 text-sm font-medium">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required className={`${input} w-full`} />
      </label>
      {state.error && (
        <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className={`${button.primary} w-full`}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
