'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Logo } from '@/components/ui/logo';

const NAV = [
  { href: '/', label: 'Overview', icon: 'M3 12l9-8 9 8M5 10v10h14V10' },
  { href: '/accounts', label: 'Accounts', icon: 'M4 6h16M4 12h16M4 18h16' },
  { href: '/keys', label: 'Keys', icon: 'M15 7a4 4 0 1 1-3.5 6H9v2H7v2H4v-3l6.5-6.5A4 4 0 0 1 15 7z' },
  { href: '/exit', label: 'Exit', icon: 'M10 17l5-5-5-5M15 12H3M21 4v16' },
  { href: '/alerts', label: 'Alerts', icon: 'M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10 21h4' },
  { href: '/audit', label: 'Audit', icon: 'M9 5h6M9 3h6v4H9zM5 7h14v14H5zM9 12h6M9 16h4' },
  { href: '/settings', label: 'Settings', icon: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM4 12h2M18 12h2M12 4v2M12 18v2' },
] as const;

export function Sidebar() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex h-full w-56 shrink-0 flex-col print:hidden border-r border-slate-200 bg-white px-3 py-4 dark:border-slate-800 dark:bg-slate-900">
      <Link href="/" className="mb-6 px-2">
        <Logo />
      </Link>
      <ul className="space-y-1">
        {NAV.map((item) => {
          const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
                  active
                    ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
                    : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100'
                }`}
              >
                <svg viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
                  <path d={item.icon} />
                </svg>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <p className="mt-auto px-3 text-xs text-slate-400">Margin Special API Key oversight</p>
    </nav>
  );
}
