'use client';

import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { parseTheme, themeCookie, type Theme } from '@/lib/theme';

const OPTIONS: { theme: Theme; label: string; Icon: LucideIcon }[] = [
  { theme: 'light', label: 'Light', Icon: Sun },
  { theme: 'dark', label: 'Dark', Icon: Moon },
  { theme: 'system', label: 'System', Icon: Monitor },
];

/** Light, dark or the system's choice: applied at once on <html>, remembered in a cookie the server renders with. */
// The theme lives on <html data-theme> (rendered by the server from the cookie): read it there, follow its changes.
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
const current = () => parseTheme(document.documentElement.dataset.theme);

function choose(next: Theme) {
  document.cookie = themeCookie(next);
  document.documentElement.dataset.theme = next;
}

export function ThemeSwitch() {
  const theme = useSyncExternalStore(subscribe, current, () => null);
  return (
    <div role="group" aria-label="Colour theme" className="grid w-full max-w-56 grid-cols-3 rounded-md border border-slate-300 p-0.5 dark:border-slate-700" data-testid="theme-switch">
      {OPTIONS.map(({ theme: t, label, Icon }) => (
        <button
          key={t}
          type="button"
          aria-pressed={theme === t}
          title={`${label} theme`}
          onClick={() => choose(t)}
          className={`flex min-w-0 items-center justify-center gap-1 rounded px-1 py-1 text-xs font-medium ${theme === t ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900' : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`}
        >
          <Icon className="h-3.5 w-3.5" aria-hidden />
          {label}
        </button>
      ))}
    </div>
  );
}
