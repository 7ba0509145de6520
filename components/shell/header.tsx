import type { SessionUser } from '@/lib/contracts/auth';
import { RefreshStatusBar } from '@/components/refresh/refresh-status';
import { AlertHeaderCount } from '@/components/alerts/header-count';
import { MobileNav } from './mobile-nav';
import { RoleBadge } from './role-badge';
import { button } from '@/components/ui/controls';

interface HeaderProps {
  user: SessionUser;
  demo: boolean;
  signOutAction: () => Promise<void>;
  signOutEverywhereAction: () => Promise<void>;
}

// Wraps instead of overlapping: on a phone the user's block moves under the refresh status.
export function Header({ user, demo, signOutAction, signOutEverywhereAction }: HeaderProps) {
  return (
    <header className="flex min-h-14 flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 print:hidden sm:px-6 dark:border-slate-800 dark:bg-slate-900">
      {/* The refresh status takes its own line when the width is short: it carries the failure and the stale count. */}
      <div className="flex min-w-0 max-w-full flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-500">
        <MobileNav />
        {demo && (
          <span className="shrink-0 whitespace-nowrap rounded-md bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-900 dark:bg-violet-900/40 dark:text-violet-200">
            Demo<span className="hidden sm:inline"> — simulated exchange</span>
          </span>
        )}
        <RefreshStatusBar />
      </div>
      <div className="flex min-w-0 items-center gap-3 text-sm">
        <span className="shrink-0"><AlertHeaderCount /></span>
        <span className="min-w-0 truncate font-medium" data-testid="user-email" title={user.email}>{user.email}</span>
        <span className="shrink-0"><RoleBadge role={user.role} /></span>
        <form action={signOutAction} className="shrink-0">
          <button type="submit" className={`${button.small} whitespace-nowrap`}>
            Sign out
          </button>
          <button
            type="submit"
            formAction={signOutEverywhereAction}
            title="End every session of this user, on every device"
            className="ml-2 hidden rounded-md px-2 py-1 text-xs text-slate-600 underline-offset-2 hover:underline md:inline dark:text-slate-400"
          >
            Sign out everywhere
          </button>
        </form>
      </div>
    </header>
  );
}
