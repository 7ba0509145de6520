import { Ban, Info } from 'lucide-react';
import { BindingVerdict } from '@/components/accounts/binding-verdict';
import type { CreateBlocker } from '@/lib/keys/create-blockers';
import type { InventoryAccount } from '@/lib/contracts/keys';

/** Why Binance would refuse a new key on this account, shown in place of the form (lib/keys/create-blockers.ts). */
export function CreateBlockers({ blockers }: { blockers: CreateBlocker[] }) {
  return (
    <div className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100" data-testid="create-blockers">
      <p className="flex items-center gap-1.5 font-medium"><Ban className="h-4 w-4 shrink-0" aria-hidden />Binance would refuse a new special key here:</p>
      <ul className="mt-1.5 list-disc space-y-1 pl-5">
        {blockers.map((b) => <li key={b.id} data-blocker={b.id}>{b.message}</li>)}
      </ul>
    </div>
  );
}

/**
 * What a special key may do (docs/domain.md#keys), said before it is created so nobody wires it into a `/sapi`
 * tool: it places orders through spot `/api` endpoints only.
 */
export function SpecialKeyScope() {
  return (
    <p className="flex gap-1.5 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-300" data-testid="special-key-scope">
      <Info className="mt-0.5 h-3.5 w-3.5 shrink-0" aria-hidden />
      <span>
        A special key only places orders, through spot <code className="font-mono">/api</code> endpoints (<code className="font-mono">/api/v3/order</code> …). Never use it on{' '}
        <code className="font-mono">/sapi</code>: borrowing, repaying and every margin read need the account’s normal key.
      </span>
    </p>
  );
}

/** The account's binding verdict, the same rendering the account page, Keys page and exit wizard show (docs/domain.md#binding). */
export function CreateKeyBinding({ account }: { account: InventoryAccount }) {
  if (!account.binding) return null;
  return (
    <section aria-label="LiquidationLoan binding now" className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700">
      <BindingVerdict binding={account.binding} account={account.email} compact />
    </section>
  );
}
