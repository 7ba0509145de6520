'use client';

import { useActionState } from 'react';
import type { SignInState } from '@/lib/contracts/auth';

const field = 'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950';

export function LoginForm({ action }: { action: (prev: SignInState, form: FormData) => Promise<SignInState> }) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} className="space-y-4">
      <label className="block space-y-1 text-sm font-medium">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required className={field} />
      </label>
      <label className="block space-y-1 text-sm font-medium">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      {state.error && (
        <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
