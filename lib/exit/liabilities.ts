import { formatAssetAmount } from '@/lib/format';
import { Dec, ZERO, dec } from '@/lib/risk/decimal';

export interface WalletAsset {
  asset: string;
  free: string;
  borrowed: string;
  interest: string;
}

/** One thing that blocks the exit: a margin borrowing (borrowed + interest) or an outstanding LiquidationLoan. */
export interface Liability {
  kind: 'MARGIN' | 'LIQUIDATION_LOAN';
  asset: string;
  /** Exact decimal string: borrowed + interest, or the loan's remaining amount. */
  owed: string;
  borrowed?: string;
  interest?: string;
  /** What the paying wallet holds free in that asset: the most a repay can take from it. */
  free: string;
  /**
   * The wallet the repayment comes from: the margin wallet for a borrowing; the spot wallet for a
   * LiquidationLoan ("Liquidation Loan Repay (MARGIN)": "Repays ... from the user's spot wallet").
   */
  wallet: 'margin' | 'spot';
}

export interface SpotAsset {
  asset: string;
  free: string;
}

/** Every liability Binance counts against an exit (docs/domain.md#exit), exact: margin borrowings by asset, then the loan. */
export function liabilitiesOf(assets: WalletAsset[], loan: { asset: string; remaining: string } | null, spot: SpotAsset[] = []): Liability[] {
  const freeIn = (wallet: { asset: string; free: string }[], asset: string) => dec(wallet.find((a) => a.asset === asset)?.free ?? '0').toFixed();
  const freeOf = (asset: string) => freeIn(assets, asset);
  const margin: Liability[] = assets
    .map((a) => ({ a, owed: dec(a.borrowed).plus(dec(a.interest)) }))
    .filter(({ owed }) => owed.gt(0))
    .map(({ a, owed }) => ({ kind: 'MARGIN' as const, asset: a.asset, owed: owed.toFixed(), borrowed: a.borrowed, interest: a.interest, free: freeOf(a.asset), wallet: 'margin' as const }));
  const loanRows: Liability[] = loan && dec(loan.remaining).gt(0)
    ? [{ kind: 'LIQUIDATION_LOAN', asset: loan.asset, owed: dec(loan.remaining).toFixed(), free: freeIn(spot, loan.asset), wallet: 'spot' }]
    : [];
  return [...margin.sort((x, y) => x.asset.localeCompare(y.asset)), ...loanRows];
}

export function describeLiability(l: Liability): string {
  const owed = formatAssetAmount(l.owed, l.asset);
  return l.kind === 'LIQUIDATION_LOAN' ? `LiquidationLoan ${owed}` : `${owed} borrowed + interest`;
}

/** What the wizard can repay now: the smaller of what is owed and what the wallet holds free. */
export function repayableNow(l: Liability): string {
  return Dec.min(dec(l.owed), dec(l.free)).toFixed();
}

/** Binance amounts carry at most 8 decimals. */
const AMOUNT = /^\d{1,20}(\.\d{1,8})?$/;

export type RepayCheck = { ok: true; amount: string } | { ok: false; message: string };

/** A repay amount, checked before anything is sent: a positive number, within what is owed and what is free. */
export function checkRepay(l: Liability, rawAmount: string): RepayCheck {
  const text = rawAmount.trim();
  if (!AMOUNT.test(text)) return { ok: false, message: `Enter the amount as a number with at most 8 decimals (e.g. 125.5), not "${rawAmount}".` };
  const amount = dec(text);
  if (!amount.gt(ZERO)) return { ok: false, message: 'The amount must be more than zero.' };
  if (amount.gt(dec(l.owed))) return { ok: false, message: `That is more than is owed: ${formatAssetAmount(l.owed, l.asset)}.` };
  if (amount.gt(dec(l.free))) {
    if (l.wallet === 'spot') {
      return { ok: false, message: `A LiquidationLoan is repaid from the spot wallet, which holds only ${formatAssetAmount(l.free, l.asset)} free: move ${l.asset} to the spot wallet first, or repay less.` };
    }
    return { ok: false, message: `The margin wallet holds only ${formatAssetAmount(l.free, l.asset)} free; transfer more in first or repay less.` };
  }
  return { ok: true, amount: amount.toFixed() };
}

/**
 * The account's liabilities as they would stand after repaying `amount` of one of them (a paid-off one drops
 * out), and what the paying wallet would still hold: what the repay dialog shows before asking. An estimate
 * from the last read (interest may accrue meanwhile); the exchange's own figures are shown once it answers.
 */
export function afterRepay(all: Liability[], paid: Pick<Liability, 'kind' | 'asset'>, amount: string): { liabilities: Liability[]; freeAfter: string | null } {
  const target = all.find((l) => l.kind === paid.kind && l.asset === paid.asset);
  if (!target) return { liabilities: all, freeAfter: null };
  const owed = Dec.max(ZERO, dec(target.owed).minus(dec(amount)));
  const free = dec(target.free).minus(dec(amount)).toFixed();
  const liabilities = all.flatMap((l) => (l !== target ? [l] : owed.gt(ZERO) ? [{ ...l, owed: owed.toFixed(), free }] : []));
  return { liabilities, freeAfter: free };
}
