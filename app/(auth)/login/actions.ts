'use server';

import { AuthError } from 'next-auth';
import type { SignInState } from '@/lib/contracts/auth';
import { signIn } from '@/lib/server/auth';

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirectTo: '/',
    });
    return { error: null };
  } catch (error) {
    // Success is signalled by a redirect, which must propagate.
    if (!(error instanceof AuthError)) throw error;
    // One message for unknown email and wrong password: the form must not reveal which accounts exist.
    return { error: 'Email or password is incorrect.' };
  }
}
