import { Card } from '@/components/ui/card';
import { formatShock, formatUsd } from '@/lib/format';
import type { OweCallout as Callout } from '@/lib/contracts/overview';

/** "What you could owe": the projected LiquidationLoan at the called-out shocks and who drives it. */
export function OweCallout({ callouts, bound }: { callouts: Callout[]; bound: number }) {
  return (
    <Card title="What you could owe if prices gap down">
      {callouts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The configured shock grid has no −20 % or −40 % point.</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          {callouts.map((c) => (
            <CalloutFigure key={c.shock} callout={c} />
          ))}
        </div>
      )}
      <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">
        Estimates: every non-stable price moves by the shock and the liquidation fills at the configured cost (1 % by default). Only the {bound} bound
        accounts owe a deficit as a loan; elsewhere the collateral is lost and nothing more is owed.
      </p>
    </Card>
  );
}

function CalloutFigure({ callout: c }: { callout: Callout }) {
  const owes = c.owed > 0;
  return (
    <div data-testid={`owe-${Math.round(Math.abs(c.shock) * 100)}`} className={`rounded-lg border p-4 ${owes ? 'border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40' : 'border-slate-200 dark:border-slate-800'}`}>
      <p className="text-sm text-slate-600 dark:text-slate-300">At {formatShock(c.shock)}, you would owe</p>
      <p className={`num mt-1 text-2xl font-semibold ${owes ? 'text-red-700 dark:text-red-400' : ''}`}>
        {owes && <span aria-label="at risk">⚠ </span>}
        {formatUsd(c.owed)}
      </p>
      <p className="text-xs font-medium text-slate-500 dark:text-slate-400">{owes ? 'projected LiquidationLoan' : 'no projected loan'}</p>
      {c.unknownBinding > 0 && (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
          ? plus up to <span className="num font-semibold">{formatUsd(c.unknownBinding)}</span> from accounts whose binding is unknown
        </p>
      )}
      <p className="num mt-1 text-xs text-slate-500 dark:text-slate-400">
        Collateral lost in deficit liquidations, all accounts: {formatUsd(c.collateralLost)}
      </p>
      {c.top.length > 0 && (
        <ul className="mt-3 space-y-1 border-t border-slate-200 pt-2 text-xs dark:border-slate-700">
          {c.top.map((t) => (
            <li key={t.email} className="flex flex-wrap justify-between gap-x-3">
              <span>{t.email}</span>
              <span className="num ml-auto font-medium">{formatUsd(t.owed)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
