import Decimal from 'decimal.js';
import type { AccountMode, AccountRiskInput, AssetBalance, IsolatedPairInput, OutstandingLoanInput, UnpricedAsset } from '@/lib/risk';
import type { IsolatedAccount, MarginAccount, MarginTradeCoeff, PortfolioAccount, SubAccountMarginAccount } from '@/lib/schemas/exchange';
import { usdPrice, type PriceBook } from './prices';

/** What one refresh read for one sub-account, already parsed by the exchange schemas. */
/** One order of a forced liquidation, as `GET /sapi/v1/margin/forceLiquidationRec` lists it. */
export type ForceLiquidation = { orderId: string; symbol: string; side: string; executedQty: string; avgPrice: string; isIsolated: boolean; updatedTime: number };

export interface AccountReads {
  email: string;
  /** From the master key: cross-margin summary and bars (null when the account has no margin wallet). */
  subMargin: SubAccountMarginAccount | null;
  /** The rest needs the sub-account's own normal key (docs/domain.md#exchange); absent without one. */
  own: {
    margin: MarginAccount | null;
    tradeCoeff: MarginTradeCoeff | null;
    isolated: IsolatedAccount | null;
    portfolio: PortfolioAccount | null;
    pmLoan: { asset: string; amount: string } | null;
    liquidationLoan: { asset: string; remainingAmount: string } | null;
    /** The spot wallet's balances, read only while a LiquidationLoan is outstanding (it is repaid from there). */
    spot?: { asset: string; free: string }[];
    /** null: the stored key can only read, and Binance lists special keys only for a trading key. */
    specialKeys: { apiKey: string; apiName: string; ip: string; permissionMode?: string; symbol: string | null }[] | null;
    /**
     * The newest forced-liquidation orders Binance placed on the margin account (`forceLiquidationRec`, newest
     * first); null when the account has no margin wallet or is in PM Pro; absent in snapshots from before.
     */
    forceLiquidations?: ForceLiquidation[] | null;
  } | null;
}

export interface KeyHistory {
  termsSigned: boolean;
  everCreated: boolean;
  /** Every special key seen here was for an isolated pair. */
  isolatedOnly?: boolean;
  exitConfirmedAt: string | null;
  /** Latest time a LiquidationLoan was seen on this account (docs/domain.md#binding). */
  liquidationLoanSeenAt?: string | null;
}

export class MissingPriceError extends Error {
  constructor(readonly asset: string) {
    super(`no USD price for ${asset}: the account cannot be valued`);
  }
}

function price(book: PriceBook, asset: string): string {
  const p = usdPrice(book, asset);
  if (p === null) throw new MissingPriceError(asset);
  return p;
}

function modeOf(reads: AccountReads): AccountMode {
  if (!reads.own) return 'UNKNOWN';
  if (reads.own.portfolio) return 'PM_PRO';
  // MARGIN_1 is Cross Margin Classic, MARGIN_2 the sunset Cross Margin Pro (docs/domain.md#liquidationloan).
  if (reads.own.margin?.accountType === 'MARGIN_2') return 'CROSS_PRO';
  if (reads.own.margin?.accountType === 'MARGIN_1') return 'CROSS_CLASSIC';
  return 'UNKNOWN';
}

/** Maps the exchange's answers to the risk engine's input: decimal strings all the way, valued in USD. */
export function toRiskInput(reads: AccountReads, history: KeyHistory, book: PriceBook): AccountRiskInput {
  const own = reads.own;
  const userAssets = own?.margin?.userAssets ?? reads.subMargin?.marginUserAssetVoList ?? [];
  // An asset without a price is named, never valued at 0 (docs/domain.md#status): the totals become lower bounds.
  const unpriced: UnpricedAsset[] = [];
  const assets: AssetBalance[] = [];
  for (const a of userAssets) {
    if (new Decimal(a.free).plus(a.locked).plus(a.borrowed).plus(a.interest).isZero()) continue;
    const p = usdPrice(book, a.asset);
    if (p === null) {
      const balance = { free: a.free, locked: a.locked, borrowed: a.borrowed, interest: a.interest };
      unpriced.push({ asset: a.asset, held: new Decimal(a.free).plus(a.locked).toFixed(), owed: new Decimal(a.borrowed).plus(a.interest).toFixed(), balance });
    }
    else assets.push({ asset: a.asset, free: a.free, locked: a.locked, borrowed: a.borrowed, interest: a.interest, priceUsd: p });
  }

  const coeff = own?.tradeCoeff ?? reads.subMargin?.marginTradeCoeffVo ?? null;
  const pairs = (own?.isolated?.assets ?? []).filter((p) => {
    const legs = [p.baseAsset, p.quoteAsset].filter((l) => usdPrice(book, l.asset) === null);
    for (const l of legs) unpriced.push({ asset: `${l.asset} (isolated ${p.symbol})`, held: l.totalAsset, owed: new Decimal(l.borrowed).plus(l.interest).toFixed() });
    return legs.length === 0;
  });
  const isolatedPairs: IsolatedPairInput[] = pairs.map((p) => ({
    symbol: p.symbol,
    base: { asset: p.baseAsset.asset, totalAsset: p.baseAsset.totalAsset, borrowed: p.baseAsset.borrowed, interest: p.baseAsset.interest, priceUsd: price(book, p.baseAsset.asset) },
    quote: { asset: p.quoteAsset.asset, totalAsset: p.quoteAsset.totalAsset, borrowed: p.quoteAsset.borrowed, interest: p.quoteAsset.interest, priceUsd: price(book, p.quoteAsset.asset) },
    liquidateBar: p.liquidateRate,
    marginLevel: p.marginLevel,
    marginLevelStatus: p.marginLevelStatus,
  }));

  const outstandingLoans: OutstandingLoanInput[] = [];
  // A loan in an asset without a price is still a loan: kept (its status stands), valued null and named.
  const loan = (kind: OutstandingLoanInput['kind'], asset: string, remaining: string) => {
    const p = usdPrice(book, asset);
    if (p === null) unpriced.push({ asset: `${asset} (${kind === 'LIQUIDATION_LOAN' ? 'LiquidationLoan' : 'bankruptcy loan'})`, held: '0', owed: remaining });
    outstandingLoans.push({ kind, asset, remaining, valueUsd: p === null ? null : new Decimal(remaining).times(p).toString() });
  };
  const liq = own?.liquidationLoan;
  if (liq && !new Decimal(liq.remainingAmount).isZero()) loan('LIQUIDATION_LOAN', liq.asset, liq.remainingAmount);
  const pmLoan = own?.pmLoan;
  if (pmLoan && !new Decimal(pmLoan.amount).isZero()) loan('PM_BANKRUPTCY_LOAN', pmLoan.asset, pmLoan.amount);

  const activeCount = own?.specialKeys?.length ?? 0;
  const readOnlyKey = own !== null && own.specialKeys === null;
  return {
    accountId: reads.email,
    email: reads.email,
    mode: modeOf(reads),
    dataAvailable: own !== null,
    termsSigned: history.termsSigned || activeCount > 0,
    specialKeys: {
      everCreated: history.everCreated || activeCount > 0,
      activeCount,
      isolatedOnly: (history.everCreated ? history.isolatedOnly === true : activeCount > 0) && (own?.specialKeys ?? []).every((k) => k.symbol !== null),
      exitConfirmedAt: history.exitConfirmedAt,
      ...(readOnlyKey ? { readOnlyKey } : {}),
    },
    liquidationLoanSeenAt: history.liquidationLoanSeenAt ?? null,
    assets,
    ...(unpriced.length ? { unpriced } : {}),
    reportedMarginLevel: own?.margin?.marginLevel ?? reads.subMargin?.marginLevel ?? null,
    bars: coeff ? { marginCallBar: coeff.marginCallBar, forceLiquidationBar: coeff.forceLiquidationBar, normalBar: coeff.normalBar } : null,
    isolatedPairs,
    pmPro: own?.portfolio
      ? { accountEquity: own.portfolio.accountEquity, accountMaintMargin: own.portfolio.accountMaintMargin, accountStatus: own.portfolio.accountStatus }
      : null,
    outstandingLoans,
  };
}
