/**
 * What a stored key unlocks, from the flags GET /sapi/v1/account/apiRestrictions reported when it was
 * checked. Each feature follows the security type Binance documents for the endpoints behind it
 * (USER_DATA → Enable Reading, TRADE → Enable Spot & Margin Trading, MARGIN → Enable Margin Loan, Repay &
 * Transfer); sim/README.md lists the endpoints and their doc pages.
 */
export interface KeyFlags {
  enableReading: boolean;
  enableSpotAndMarginTrading: boolean;
  enableMargin: boolean;
  ipRestrict: boolean | null;
}

export type FeatureId = 'risk_reads' | 'special_keys' | 'exit' | 'repay';

export interface KeyFeature {
  id: FeatureId;
  label: string;
  /** The endpoints, as people can look them up. */
  uses: string;
  unlocked: boolean;
  /** The permissions to enable on the exchange, empty when unlocked. */
  missing: string[];
  /** Unlocked, but Binance or this product advises more (an IP whitelist for a trading key). */
  advice: string | null;
}

const READING = 'Enable Reading';
const TRADING = 'Enable Spot & Margin Trading';
const MARGIN = 'Enable Margin Loan, Repay & Transfer';

const need = (flags: KeyFlags, wanted: [keyof KeyFlags, string][]) => wanted.filter(([flag]) => flags[flag] !== true).map(([, label]) => label);

/** A master key only reads sub-account summaries; a sub-account's key serves all four features. */
export function keyFeatures(flags: KeyFlags, kind: 'master' | 'sub'): KeyFeature[] {
  const tradeAdvice = flags.ipRestrict === true ? null : 'Restrict this trading key to this server’s IP on the exchange.';
  const feature = (id: FeatureId, label: string, uses: string, wanted: [keyof KeyFlags, string][], trades: boolean): KeyFeature => {
    const missing = need(flags, wanted);
    return { id, label, uses, unlocked: missing.length === 0, missing, advice: missing.length === 0 && trades ? tradeAdvice : null };
  };
  if (kind === 'master') {
    return [feature('risk_reads', 'Sub-account reads', 'sub-account list, margin summaries, key lists (USER_DATA)', [['enableReading', READING]], false)];
  }
  return [
    feature('risk_reads', 'Risk reads', 'margin, isolated, Portfolio Margin Pro and LiquidationLoan reads (USER_DATA)', [['enableReading', READING]], false),
    feature('special_keys', 'Special keys', 'list, create, delete special keys (TRADE)', [['enableReading', READING], ['enableSpotAndMarginTrading', TRADING]], true),
    feature('exit', 'Exit special-key mode', 'exit-special-key-mode (TRADE)', [['enableReading', READING], ['enableSpotAndMarginTrading', TRADING]], true),
    feature('repay', 'Repay', 'LiquidationLoan repay from the spot wallet, margin repay (MARGIN)', [['enableReading', READING], ['enableMargin', MARGIN]], true),
  ];
}
