import { formatAssetAmount, formatDateTime, formatOwed, formatRatio, formatUsd } from '@/lib/format';
import { formatLiquidation } from '@/lib/format-table';
import { StatusBadge } from './badges';
import type { AccountDetail } from '@/lib/contracts/accounts';
import { OkIcon, WarnIcon } from '@/components/ui/icons';

const th = 'px-3 py-2 font-medium';
const td = 'whitespace-nowrap px-3 py-2';
const wrap = 'overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800';
const head = 'border-b border-slate-200 bg-slate-50 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400';

// Exact: every significant decimal the exchange sent (trailing zeros of its 8-decimal strings dropped).
const exact = formatAssetAmount;

export function BalancesTable({ balances }: { balances: AccountDetail['balances'] }) {
  if (balances.length === 0) return <p className="text-sm text-slate-500">No balances in the cross wallet.</p>;
  return (
    <div className={wrap}>
      <table className="w-full text-sm">
        <thead className={head}>
          <tr>
            <th className={`${th} text-left`}>Asset</th>
            <th className={`${th} text-right`}>Free</th>
            <th className={`${th} text-right`}>Locked</th>
            <th className={`${th} text-right`}>Borrowed</th>
            <th className={`${th} text-right`}>Interest</th>
            <th className={`${th} text-right`}>Held (USD)</th>
            <th className={`${th} text-right`}>Owed (USD)</th>
          </tr>
        </thead>
        <tbody className="num divide-y divide-slate-100 dark:divide-slate-800">
          {balances.map((b) => (
            <tr key={b.asset}>
              <td className={`${td} font-medium`}>{b.asset}</td>
              <td className={`${td} text-right`}>{exact(b.free, b.asset)}</td>
              <td className={`${td} text-right`}>{exact(b.locked, b.asset)}</td>
              <td className={`${td} text-right ${Number(b.borrowed) > 0 ? 'font-medium' : 'text-slate-500'}`}>{exact(b.borrowed, b.asset)}</td>
              <td className={`${td} text-right ${Number(b.interest) > 0 ? '' : 'text-slate-500'}`}>{exact(b.interest, b.asset)}</td>
              {b.assetUsd === null || b.liabilityUsd === null ? (
                <td colSpan={2} className={`${td} text-right font-medium text-amber-800 dark:text-amber-300`} data-testid="unpriced-balance">? no price: not in the totals</td>
              ) : (
                <>
                  <td className={`${td} text-right`}>{formatUsd(b.assetUsd, 2)}</td>
                  <td className={`${td} text-right`}>{Number(b.liabilityUsd) > 0 ? <span className="font-medium">{formatOwed(b.liabilityUsd)}</span> : formatUsd(0, 2)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IsolatedPairsTable({ pairs }: { pairs: AccountDetail['isolatedPairs'] }) {
  if (pairs.length === 0) return <p className="text-sm text-slate-500">No isolated margin pairs.</p>;
  return (
    <div className={wrap}>
      <table className="w-full text-sm">
        <thead className={head}>
          <tr>
            <th className={`${th} text-left`}>Pair</th>
            <th className={`${th} text-right`}>Base held / owed</th>
            <th className={`${th} text-right`}>Quote held / owed</th>
            <th className={`${th} text-right`}>Level (reported)</th>
            <th className={`${th} text-right`}>Liq. bar</th>
            <th className={`${th} text-left`}>Status</th>
            <th className={`${th} text-right`}>Liquidates at</th>
          </tr>
        </thead>
        <tbody className="num divide-y divide-slate-100 dark:divide-slate-800">
          {pairs.map((p) => (
            <tr key={p.symbol}>
              <td className={`${td} font-medium`}>{p.symbol}</td>
              <td className={`${td} text-right`}>
                {exact(p.base.totalAsset, p.base.asset)}
                <br />
                <span className="text-xs text-slate-500">owed {exact(p.base.borrowed, p.base.asset)} + {exact(p.base.interest, p.base.asset)}</span>
              </td>
              <td className={`${td} text-right`}>
                {exact(p.quote.totalAsset, p.quote.asset)}
                <br />
                <span className="text-xs text-slate-500">owed {exact(p.quote.borrowed, p.quote.asset)} + {exact(p.quote.interest, p.quote.asset)}</span>
              </td>
              <td className={`${td} text-right`}>
                {formatRatio(p.marginLevel)}
                {p.reportedMarginLevel && <span className="block text-xs text-slate-500">({formatRatio(p.reportedMarginLevel)})</span>}
              </td>
              <td className={`${td} text-right`}>{p.liquidateBar ? formatRatio(p.liquidateBar) : '—'}</td>
              <td className={td}><StatusBadge status={p.status} source={p.statusSource} /></td>
              <td className={`${td} text-right`}>{formatLiquidation(p.liquidation)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* Not a second binding verdict: the pairs' own deficits are standard liquidations; whether a special key binds the
          cross wallet is the verdict above (docs/domain.md#binding). */}
      <p className="px-3 py-2 text-xs text-slate-500">
        A pair’s own liquidation is standard: its deficit costs the pair’s collateral and no LiquidationLoan is booked for it. Whether
        this account is bound (its cross wallet) is the verdict under “The rule that applies”.
      </p>
    </div>
  );
}

export function SpecialKeyHistory({ keys, exits, dataAvailable }: { keys: AccountDetail['specialKeys']; exits: AccountDetail['exits']; dataAvailable: boolean }) {
  return (
    <div className="space-y-3">
      {!dataAvailable && <p className="text-sm font-medium text-amber-800 dark:text-amber-300">? No key stored for this sub-account: its special keys are unknown.</p>}
      {keys.length === 0 ? (
        <p className="text-sm text-slate-500">{dataAvailable ? 'No special key has ever been seen on this account.' : 'None seen (which proves nothing without a key).'}</p>
      ) : (
        <div className={wrap}>
          <table className="w-full text-sm">
            <thead className={head}>
              <tr>
                <th className={`${th} text-left`}>Key</th>
                <th className={`${th} text-left`}>Scope</th>
                <th className={`${th} text-left`}>First seen</th>
                <th className={`${th} text-left`}>Last seen</th>
                <th className={`${th} text-left`}>Deleted</th>
              </tr>
            </thead>
            <tbody className="num divide-y divide-slate-100 dark:divide-slate-800">
              {keys.map((k) => (
                <tr key={k.id}>
                  <td className={td}>
                    <span className="font-medium">{k.name ?? 'unnamed'}</span>
                    <span className="block font-mono text-xs text-slate-500">{k.fingerprint}</span>
                  </td>
                  <td className={td}>{k.symbol ? `Isolated ${k.symbol}` : 'Cross margin'}</td>
                  <td className={td}>{formatDateTime(k.firstSeenAt)}</td>
                  <td className={td}>{formatDateTime(k.lastSeenAt)}</td>
                  <td className={td}>{k.deletedAt ? <span><OkIcon />{formatDateTime(k.deletedAt)}</span> : <span className="font-medium">Active</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {exits.length > 0 ? (
        exits.map((e) => (
          <p key={e.confirmedAt} className="text-sm">
            <OkIcon />Exit confirmed {formatDateTime(e.confirmedAt)} (exchange time) · new special keys blocked until <span className="num font-medium">{formatDateTime(e.cooldownEndsAt)}</span>
          </p>
        ))
      ) : keys.some((k) => k.deletedAt) ? (
        <p className="text-sm font-medium text-red-700 dark:text-red-400"><WarnIcon />No confirmed exit: deleting the keys alone is not enough. The account stays bound.</p>
      ) : null}
    </div>
  );
}
