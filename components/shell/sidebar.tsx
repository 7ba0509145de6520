import Link from 'next/link';
import { Logo } from '@/components/ui/logo';
import { NavLinks } from './nav-links';
import { ThemeSwitch } from './theme-switch';

/** The navigation column on screens wide enough to keep it beside the page; smaller screens use the menu drawer. */
export function Sidebar() {
  return (
    <nav aria-label="Main" className="hidden h-full w-56 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-4 print:hidden lg:flex dark:border-slate-800 dark:bg-slate-900">
      <Link href="/" className="mb-6 px-2">
        <Logo />
      </Link>
      <NavLinks />
      <div className="mt-auto space-y-3 px-2">
        <ThemeSwitch />
        <p className="px-1 text-xs text-slate-500 dark:text-slate-400">Margin Special API Key oversight</p>
      </div>
    </nav>
  );
}
