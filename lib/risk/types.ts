/**
 * The risk engine's normalized input: what the refresh hands over for one sub-account, already parsed
 * from Binance's responses (docs/domain.md#exchange "parse at the boundary") but still as decimal strings, so the
 * engine does every exact sum itself with one decimal library (docs/domain.md#exposure).
 */

/** A non-negative decimal string as Binance sends money, e.g. "0.00120000". */
export type DecimalString = string;

/**
 * Margin product of the account's cross wallet. CROSS_PRO is Binance's sunset `accountType` MARGIN_2;
 * UNKNOWN means the refresh could not tell (kept distinct from "no key", which is `dataAvailable`).
 */
export type AccountMode = 'CROSS_CLASSIC' | 'CROSS_PRO' | 'PM_PRO' | 'UNKNOWN';

/** One asset of the cross (or PM Pro) wallet. */
export type AssetBalance = {
  asset: string;
  free: DecimalString;
  locked: DecimalString;
  borrowed: DecimalString;
  interest: DecimalString;
  /** USD price now; stables keep this price under stress (docs/domain.md#exposure choice), volatile assets scale by (1+s). */
  priceUsd: DecimalString;
};

/** One side of an isolated pair (`/sapi/v1/margin/isolated/account` baseAsset/quoteAsset). */
export type IsolatedLeg = {
  asset: string;
  /** Everything held on this leg, borrowed proceeds included (Binance `totalAsset`). */
  totalAsset: DecimalString;
  borrowed: DecimalString;
  interest: DecimalString;
  priceUsd: DecimalString;
};

export type IsolatedPairInput = {
  symbol: string;
  base: IsolatedLeg;
  quote: IsolatedLeg;
  /** The pair's own liquidation bar (Binance `liquidateRate`), when known. */
  liquidateBar?: DecimalString;
  /** Binance's reported `marginLevel`, echoed for comparison; the engine computes its own. */
  marginLevel?: DecimalString;
  /** Binance's `marginLevelStatus` for the pair: the authority for its status (docs/domain.md). */
  marginLevelStatus?: string;
};

export type PmProInput = {
  /** USD, from `GET /sapi/v1/portfolio/account`; negative in a bankruptcy. */
  accountEquity: string;
  accountMaintMargin: DecimalString;
  /** As reported (NORMAL, MARGIN_CALL, …); shown, not interpreted. */
  accountStatus: string;
};

export type OutstandingLoanInput = {
  /** LIQUIDATION_LOAN: `/sapi/v1/margin/liquidation-loan`; PM_BANKRUPTCY_LOAN: `/sapi/v1/portfolio/pmLoan`. */
  kind: 'LIQUIDATION_LOAN' | 'PM_BANKRUPTCY_LOAN';
  asset: string;
  /** Still to repay, in `asset` units (`remainingAmount`). */
  remaining: DecimalString;
  /** `remaining` valued in USD by the refresh; null when the asset has no price (it is then named in `unpriced`). */
  valueUsd: DecimalString | null;
};

/** An asset held or owed that has no USD price: left out of every sum, named instead (docs/domain.md#status). */
export type UnpricedAsset = {
  asset: string;
  held: DecimalString;
  owed: DecimalString;
  /** A cross-wallet balance as Binance reported it, so the account page can list it (absent for pair legs and loans). */
  balance?: { free: DecimalString; locked: DecimalString; borrowed: DecimalString; interest: DecimalString };
};

export type AccountRiskInput = {
  accountId: string;
  email: string;
  mode: AccountMode;
  /**
   * A normal key of this sub-account is stored. Absent means "as dataAvailable says"; false with data
   * unavailable is "no key stored", true with data unavailable is "never read" (docs/domain.md#status).
   */
  keyStored?: boolean;
  /** False when no key of this sub-account is stored: its special keys are unknown (docs/domain.md#exchange). */
  dataAvailable: boolean;
  /**
   * Supplemental Product Terms signed at master level. No API reports it: true once any special key was
   * seen under the master or an owner recorded the signing date (docs/domain.md#keys choice).
   */
  termsSigned: boolean;
  specialKeys: {
    /** A special key (cross or isolated) was ever seen on this account, from the kept key history. */
    everCreated: boolean;
    /** Special keys that exist now (0 when `readOnlyKey`: then they could not be listed). */
    activeCount: number;
    /**
     * The stored key can only read: Binance lists special keys (GET /sapi/v1/margin/api-key-list) for a key
     * with Spot & Margin trading only ("Query Special key List (TRADE)"), so the keys now are unknown.
     */
    readOnlyKey?: boolean;
    /**
     * Every special key ever seen here was for an isolated pair (`symbol` set). The FAQ does not settle
     * whether that binds the cross wallet; docs/domain.md#binding: treated as bound.
     */
    isolatedOnly?: boolean;
    /** ISO time (exchange clock) of a confirmed exit made after the last special key; else null. */
    exitConfirmedAt: string | null;
  };
  /** Cross wallet (or PM Pro balances); may be empty. */
  assets: AssetBalance[];
  /** Assets the refresh could not price: the totals are lower bounds and the status "incomplete data". */
  unpriced?: UnpricedAsset[];
  /** Nothing of this account was ever read successfully: its status is unknown, never "no debt". */
  neverRead?: boolean;
  /**
   * Binance's reported cross `marginLevel` (`margin/account`, or the master's `sub-account/margin/account`):
   * the authority for the status; our recomputation drives the stress figures (docs/domain.md).
   */
  reportedMarginLevel?: DecimalString | null;
  /** This account's own bars from `tradeCoeff`; null when not read. Never defaulted to 1.1 (docs/domain.md#exposure). */
  bars: { marginCallBar: DecimalString; forceLiquidationBar: DecimalString; normalBar?: DecimalString } | null;
  isolatedPairs: IsolatedPairInput[];
  /** Present for PM_PRO accounts whose portfolio account was read. */
  pmPro: PmProInput | null;
  outstandingLoans: OutstandingLoanInput[];
  /**
   * Latest time (ISO) a LiquidationLoan was seen on this account in the kept history, repaid or not: with no
   * confirmed exit after it, it proves the account bound (docs/domain.md#binding).
   */
  liquidationLoanSeenAt?: string | null;
};
