import type { Role } from '@/lib/permissions';

const LABEL: Record<Role, string> = { owner: 'Owner', ops: 'Ops (review only)' };

export function RoleBadge({ role }: { role: Role }) {
  return (
    <span
      data-testid="role-badge"
      className={`rounded-full px-2 py-0.5 text-xs font-semibold ${
        role === 'owner'
          ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200'
          : 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200'
      }`}
    >
      {LABEL[role]}
    </span>
  );
}
