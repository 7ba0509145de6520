'use client';

import { useState } from 'react';
import { checkRepay, repayableNow, type Liability } from '@/lib/exit';
import { formatAssetAmount as formatAsset } from '@/lib/format';
import { button, input } from '@/components/ui/controls';
import { WarnIcon } from '@/components/ui/icons';

export const liabilityName = (l: Liability) => (l.kind === 'LIQUIDATION_LOAN' ? `LiquidationLoan (${l.asset})` : `${l.asset} borrowed + interest`);

/**
 * One liability and the amount to repay. An amount that cannot work is refused here; one that can opens the
 * repay dialog, which asks before anything is sent (the server checks the amount again).
 */
export function RepayForm({ account, liability, canRun, onRepay }: { account: string; liability: Liability; canRun: boolean; onRepay: (amount: string) => void }) {
  const repayable = repayableNow(liability);
  const [amount, setAmount] = useState(repayable === '0' ? '' : repayable);
  const [refusal, setRefusal] = useState<string | null>(null);
  const wallet = liability.wallet === 'spot' ? 'spot' : 'margin';
  return (
    <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <p className="text-sm">
        <span className="font-medium">{liabilityName(liability)}:</span> <span className="num font-semibold">{formatAsset(liability.owed, liability.asset)}</span> owed
        {liability.interest && liability.interest !== '0' && !/^0+(\.0+)?$/.test(liability.interest) && (
          <span className="text-slate-500"> (of which interest {formatAsset(liability.interest, liability.asset)})</span>
        )}
        <span className="text-slate-500"> · {wallet} wallet holds <span className="num">{formatAsset(liability.free, liability.asset)}</span> free</span>
      </p>
      {liability.wallet === 'spot' && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="repay-from-spot">
          Binance repays a LiquidationLoan from the <span className="font-medium">spot wallet</span>, not the margin wallet: the {liability.asset} must be in spot.
        </p>
      )}
      {canRun && repayable === '0' && (
        <p className="mt-2 text-sm">The {wallet} wallet holds no {liability.asset} to repay with: move some {liability.wallet === 'spot' ? 'to the spot wallet' : 'into the margin wallet'} first, then come back.</p>
      )}
      {canRun && repayable !== '0' && (
        <form
          aria-label={`Repay ${liability.asset} for ${account}`}
          className="mt-2 flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const check = checkRepay(liability, amount);
            setRefusal(check.ok ? null : `${check.message} Nothing was sent.`);
            if (check.ok) onRepay(check.amount);
          }}
        >
          <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Amount ({liability.asset})
            <input className={`${input} num ml-2 w-44`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </label>
          <button type="submit" className={button.quiet} disabled={amount.trim() === ''}>
            {`Repay ${liability.asset}…`}
          </button>
          {refusal && <p role="alert" className="w-full text-sm font-medium text-red-700 dark:text-red-400"><WarnIcon />{refusal}</p>}
        </form>
      )}
    </div>
  );
}
