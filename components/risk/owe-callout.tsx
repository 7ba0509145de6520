import Link from 'next/link';
import { accountPath } from '@/lib/contracts/accounts';
import { Card } from '@/components/ui/card';
import { Figure } from '@/components/ui/figure';
import { formatShock, formatUsd } from '@/lib/format';
import type { OweCallout as Callout } from '@/lib/contracts/overview';
import { worstMoves } from '@/lib/worst-move';
import { AccountName } from '@/components/labels/account-name';
import { WarnIcon } from '@/components/ui/icons';

/**
 * "What you could owe": the projected LiquidationLoan at the called-out falls and rises, who drives each,
 * and a headline naming the worse direction, since a short book is liquidated by a rise, not a fall.
 */
export function OweCallout({ callouts, bound }: { callouts: Callout[]; bound: number }) {
  const falls = callouts.filter((c) => c.shock < 0);
  const rises = callouts.filter((c) => c.shock > 0);
  return (
    <Card title="What you could owe if prices gap">
      {callouts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The configured shock grid has none of the called-out shocks (±20 %, ±40 %).</p>
      ) : (
        <>
          <Headline callouts={callouts} />
          <Direction title="If prices fall" callouts={falls} />
          <Direction title="If prices rise" callouts={rises} />
        </>
      )}
      <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">
        Estimates: every non-stable price moves by the shock and the liquidation fills at the configured cost (1 % by default). Falls hurt long collateral,
        rises hurt borrowed assets. Only the {bound} bound accounts owe a deficit as a loan; elsewhere the collateral is lost and nothing more is owed.
      </p>
    </Card>
  );
}

function Headline({ callouts }: { callouts: Callout[] }) {
  const moves = worstMoves(callouts);
  if (moves.length === 0) return null;
  return (
    <ul className="mb-4 space-y-1.5 text-sm sm:text-base" data-testid="owe-headline">
      {moves.map(({ worst, other }) => (
        <li key={worst.shock}>
          At {formatShock(worst.shock)} you would owe <Figure className="font-semibold text-red-700 dark:text-red-400">{formatUsd(worst.owed)}</Figure>
          <Owner callout={worst} />
          {other && (
            <span className="text-slate-600 dark:text-slate-400">
              {' '}(worse than a {formatShock(other.shock)} {other.shock < 0 ? 'fall' : 'rise'}: <Figure>{formatUsd(other.owed)}</Figure>
              <Owner callout={other} />)
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The account owing most at a shock, named and linked. */
function Owner({ callout }: { callout: Callout }) {
  const top = callout.owed > 0 ? callout.top[0] : undefined;
  if (!top) return null;
  return (
    <>
      {' — mostly '}
      <Link className="font-medium underline-offset-2 hover:underline" href={accountPath(top.email)}><AccountName email={top.email} inline /></Link>
    </>
  );
}

function Direction({ title, callouts }: { title: string; callouts: Callout[] }) {
  if (callouts.length === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h3>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {callouts.map((c) => (
          <CalloutFigure key={c.shock} callout={c} />
        ))}
      </div>
    </div>
  );
}

function CalloutFigure({ callout: c }: { callout: Callout }) {
  const owes = c.owed > 0;
  const pct = Math.round(Math.abs(c.shock) * 100);
  return (
    <div data-testid={c.shock < 0 ? `owe-${pct}` : `owe-up-${pct}`} className={`rounded-lg border p-4 ${owes ? 'border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40' : 'border-slate-200 dark:border-slate-800'}`}>
      <p className="text-sm text-slate-600 dark:text-slate-300">At {formatShock(c.shock)}, you would owe</p>
      <p className={`mt-1 text-2xl font-semibold ${owes ? 'text-red-700 dark:text-red-400' : ''}`}>
        <Figure>
          {owes && <WarnIcon label="at risk" />}
          {formatUsd(c.owed)}
        </Figure>
      </p>
      <p className="text-xs font-medium text-slate-600 dark:text-slate-400">{owes ? 'projected LiquidationLoan' : 'no projected loan'}</p>
      {c.unknownBinding > 0 && (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
          ? plus up to <span className="num font-semibold">{formatUsd(c.unknownBinding)}</span> from accounts whose binding is unknown
        </p>
      )}
      <p className="num mt-1 text-xs text-slate-600 dark:text-slate-400">
        Collateral lost in deficit liquidations, all accounts: {formatUsd(c.collateralLost)}
      </p>
      {c.top.length > 0 && (
        <ul className="mt-3 space-y-1 border-t border-slate-200 pt-2 text-xs dark:border-slate-700">
          {c.top.map((t) => (
            <li key={t.email} className="flex flex-wrap justify-between gap-x-3">
              <Link href={accountPath(t.email)} className="min-w-0 wrap-anywhere hover:underline"><AccountName email={t.email} /></Link>
              <Figure className="ml-auto font-medium">{formatUsd(t.owed)}</Figure>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
