'use client';

import { Bell, ChartNoAxesCombined, ClipboardList, House, KeyRound, LogOut, Settings, Table2, type LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const NAV: { href: string; label: string; icon: LucideIcon }[] = [
  { href: '/', label: 'Overview', icon: House },
  { href: '/accounts', label: 'Accounts', icon: Table2 },
  { href: '/scenarios', label: 'Scenarios', icon: ChartNoAxesCombined },
  { href: '/keys', label: 'Keys', icon: KeyRound },
  { href: '/exit', label: 'Exit', icon: LogOut },
  { href: '/alerts', label: 'Alerts', icon: Bell },
  { href: '/audit', label: 'Audit', icon: ClipboardList },
  { href: '/settings', label: 'Settings', icon: Settings },
];

/** The main navigation's links, shared by the sidebar (wide screens) and the menu drawer (small screens). */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {NAV.map(({ href, label, icon: Icon }) => {
        const active = href === '/' ? pathname === '/' : pathname.startsWith(href);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
                active
                  ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
                  : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100'
              }`}
            >
              <Icon className="h-4 w-4" aria-hidden />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
