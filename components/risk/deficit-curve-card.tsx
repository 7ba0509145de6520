import Link from 'next/link';
import { accountPath } from '@/lib/contracts/accounts';
import { Card } from '@/components/ui/card';
import { DeficitCurveChart } from '@/components/charts/deficit-curve';
import { seriesColor } from '@/components/charts/palette';
import { formatShock } from '@/lib/format';
import { CALLOUT_SHOCKS, type OverviewData } from '@/lib/contracts/overview';
import { StatusIcon } from '@/components/ui/icons';

/** The deficit curve with its legend: which account is which band, and what the markers mean. */
export function DeficitCurveCard({ curve, unpricedAccounts = 0 }: { curve: OverviewData['curve']; unpricedAccounts?: number }) {
  const anyOwed = curve.rows.some((r) => r.owed > 0);
  // Unknown is never zero (docs/domain.md#status): an unpriced asset makes an account's deficit a bound only.
  const incomplete = unpricedAccounts > 0;
  return (
    <Card title="Deficit curve — projected LiquidationLoan by price shock">
      <p className="-mt-2 mb-3 text-xs text-slate-500 dark:text-slate-400">
        Every non-stable price moves by the shock ({formatShock(curve.range[0])} to {formatShock(curve.range[1])}); the bands are
        what bound accounts would owe after their liquidation. Falls hurt long collateral, rises hurt borrowed assets.
      </p>
      {anyOwed ? (
        <DeficitCurveChart curve={curve} highlight={[...CALLOUT_SHOCKS]} />
      ) : (
        <p className="rounded-lg bg-emerald-50 px-4 py-6 text-center text-sm text-emerald-800 dark:bg-emerald-950/30 dark:text-emerald-300">
          <StatusIcon symbol="●" />No bound account would owe a loan anywhere from {formatShock(curve.range[0])} to {formatShock(curve.range[1])}{incomplete ? ', counting priced assets only' : ''}.
        </p>
      )}
      {incomplete && (
        <p className="mt-2 text-xs font-medium text-amber-800 dark:text-amber-300" data-testid="curve-incomplete">
          ? Incomplete: {unpricedAccounts} account{unpricedAccounts === 1 ? ' holds' : 's hold'} assets without a price; their deficits here leave those assets out.
        </p>
      )}
      <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1.5 text-xs text-slate-600 dark:text-slate-300" aria-label="Legend">
        {curve.series.map((s, i) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-sm" style={{ background: seriesColor(i, s.key) }} aria-hidden />
            {s.email ? <Link href={accountPath(s.email)} className="hover:underline">{s.label}</Link> : s.label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span className="inline-block w-5 border-t-2 border-dashed border-slate-500" aria-hidden />? Binding unknown (could also be owed)
        </li>
        <li>○ liquidation point · ✕ bankruptcy point</li>
      </ul>
    </Card>
  );
}
