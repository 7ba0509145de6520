import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { Logo } from '@/components/ui/logo';
import { userFromSession } from '@/lib/server/auth/session';
import { readDemoCredentials } from '@/lib/server/demo-users';
import { signInAction } from './actions';

export const metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  if (await userFromSession()) redirect('/');
  const demo = readDemoCredentials();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <Logo className="text-xl" />
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Margin Special API Key oversight for VIP desks</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
          <LoginForm action={signInAction} />
        </div>
        {demo.length > 0 && (
          <div className="rounded-xl border border-violet-200 bg-violet-50 p-4 text-sm dark:border-violet-900 dark:bg-violet-950/40" data-testid="demo-credentials">
            <p className="font-semibold text-violet-900 dark:text-violet-200">Demo mode — simulated exchange</p>
            <ul className="mt-2 space-y-1 font-mono text-xs">
              {demo.map((c) => (
                <li key={c.email}>
                  <span className="font-sans font-medium">{c.role}:</span> {c.email} / {c.password}
                  {c.totpSecret && (
                    <span className="block break-all text-violet-900/80 dark:text-violet-200/80">
                      <span className="font-sans">authenticator secret:</span> {c.totpSecret}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </main>
  );
}
