'use client';

import { afterRepay, type Liability } from '@/lib/exit';
import { formatAssetAmount as formatAsset } from '@/lib/format';
import { AccountName } from '@/components/labels/account-name';
import { Modal } from '@/components/keys/modal';
import { liabilityName } from './repay-form';
import { button, notice } from '@/components/ui/controls';
import { useRepay } from './use-exit';
import { NoIcon, OkIcon } from '@/components/ui/icons';

export interface RepayChoice {
  account: string;
  liability: Liability;
  /** Every liability of the account, as the review read them: the dialog shows what remains after. */
  liabilities: Liability[];
  amount: string;
}

/**
 * A repay asks before it acts and says what happened: asset, amount, the wallet it comes from and the
 * account's liabilities after (an estimate from the last read), then the exchange's answer — the liabilities
 * read again, or the exchange's own refusal.
 */
export function RepayDialog({ choice, onClose }: { choice: RepayChoice; onClose: () => void }) {
  const { account, liability, amount } = choice;
  const repay = useRepay(account, liability);
  const estimate = afterRepay(choice.liabilities, liability, amount);
  const walletName = `${liability.wallet} wallet`;
  return (
    <Modal title={repay.isSuccess ? 'Repaid' : `Repay ${formatAsset(amount, liability.asset)}?`} onClose={onClose} closable={!repay.isPending}>
      <div className="space-y-3 text-sm" data-testid="repay-dialog">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-500">Account</dt>
          <dd className="min-w-0"><AccountName email={account} /></dd>
          <dt className="text-slate-500">Repays</dt>
          <dd>{liabilityName(liability)}, <span className="num">{formatAsset(liability.owed, liability.asset)}</span> owed{repay.isSuccess ? ' before' : ''}</dd>
          <dt className="text-slate-500">Amount</dt>
          <dd className="num font-semibold">{formatAsset(amount, liability.asset)}</dd>
          <dt className="text-slate-500">From</dt>
          <dd>
            the {walletName}: <span className="num">{formatAsset(liability.free, liability.asset)}</span> free
            {estimate.freeAfter && <>, <span className="num">{formatAsset(estimate.freeAfter, liability.asset)}</span> after</>}
          </dd>
        </dl>
        {!repay.isSuccess && (
          <div>
            <p className="font-medium">The account&apos;s liabilities after (estimate from the last read; interest may accrue):</p>
            <LiabilityList liabilities={estimate.liabilities} testId="repay-after-estimate" />
          </div>
        )}
        {repay.isSuccess && (
          <div className={notice.ok} role="status" data-testid="repay-outcome">
            <p className="font-semibold"><OkIcon />The exchange accepted the repay of {formatAsset(amount, liability.asset)}.</p>
            <p className="mt-1">Read again from the exchange, the account now owes:</p>
            <LiabilityList liabilities={repay.data.liabilities} testId="repay-after-exchange" />
            <p className="mt-1 text-xs">The review updates when the refresh that follows ends.</p>
          </div>
        )}
        {repay.isError && (
          <p role="alert" className={notice.danger} data-testid="repay-failed">
            <NoIcon />Not repaid. {repay.error.message}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          {repay.isSuccess ? (
            <button type="button" className={button.quiet} onClick={onClose}>Close</button>
          ) : (
            <>
              <button type="button" className={button.quiet} disabled={repay.isPending} onClick={onClose}>Cancel</button>
              <button type="button" className={button.danger} disabled={repay.isPending} onClick={() => repay.mutate(amount)}>
                {repay.isPending ? 'Repaying…' : `Repay ${formatAsset(amount, liability.asset)}`}
              </button>
            </>
          )}
        </div>
      </div>
    </Modal>
  );
}

function LiabilityList({ liabilities, testId }: { liabilities: Liability[]; testId: string }) {
  if (liabilities.length === 0) return <p className="mt-1 font-medium" data-testid={testId}>Nothing: no liability left.</p>;
  return (
    <ul className="mt-1 list-disc pl-5" data-testid={testId}>
      {liabilities.map((l) => (
        <li key={`${l.kind}-${l.asset}`}>
          {liabilityName(l)}: <span className="num">{formatAsset(l.owed, l.asset)}</span>
        </li>
      ))}
    </ul>
  );
}
